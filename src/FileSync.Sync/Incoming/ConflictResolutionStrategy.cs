namespace FileSync.Sync.Incoming;

/// <summary>How a user resolves a recorded conflict (RavenFS's <c>ConflictResolutionStrategy</c>).</summary>
public enum ConflictResolutionStrategy
{
    /// <summary>Keep the destination's file; the remote version becomes part of its history.</summary>
    CurrentVersion,

    /// <summary>Accept the next push of that file from the conflicting server.</summary>
    RemoteVersion,
}

/// <summary>Resolving a conflict that is not there (unknown file, or a file that is not conflicted): HTTP 404.</summary>
public sealed class ConflictNotFoundException(string fileSystem, string fileName)
    : KeyNotFoundException($"File '{fileName}' in file system '{fileSystem}' has no synchronization conflict to resolve.");
