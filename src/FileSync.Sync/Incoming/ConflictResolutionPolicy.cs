namespace FileSync.Sync.Incoming;

/// <summary>
/// The <c>FileConflictResolution</c> of a file system's <c>Raven/Synchronization/Config</c> document:
/// what a destination does, unasked, when an incoming version and its own do not descend from each other.
/// </summary>
public enum ConflictResolutionPolicy
{
    /// <summary>Record a conflict and wait for someone to resolve it.</summary>
    None,

    /// <summary>Keep the destination's version (resolved as <c>CurrentVersion</c>).</summary>
    ResolveToLocal,

    /// <summary>Take the incoming version.</summary>
    ResolveToRemote,

    /// <summary>The version with the later <c>Last-Modified</c> wins; a tie keeps the destination's.</summary>
    ResolveToLatest,
}
