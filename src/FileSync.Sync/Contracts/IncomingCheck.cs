namespace FileSync.Sync.Contracts;

/// <summary>The body of <c>incoming/check</c>: several files asked about at once.</summary>
public sealed record IncomingCheckRequest(IReadOnlyList<IncomingCheckFile> Files);

/// <summary>One file of a check: the work the source means to do and the metadata of the version it would send.</summary>
/// <param name="Metadata">Carries the Raven-Synchronization-Version/-Source/-History of the incoming version.</param>
/// <param name="SourceFileEtag">The source's ETag of the change; optional. When the answer settles the file
/// (AlreadyHas, HadInPast, Conflict) it counts towards the destination's LastSynchronization.</param>
public sealed record IncomingCheckFile(string FileName, SynchronizationType Type, IReadOnlyDictionary<string, string> Metadata, string? SourceFileEtag = null);

/// <summary>The answer of <c>incoming/check</c>, one entry per asked file, in request order.</summary>
public sealed record IncomingCheckAnswer(IReadOnlyList<IncomingCheckResult> Files);

/// <summary>The decision for one file and the destination's current version of it (null when it has none).</summary>
public sealed record IncomingCheckResult(string FileName, IncomingDecision Decision, CurrentVersionInfo? Current, string? Message);

/// <summary>The destination's current version: the source uses it as a known base when it retains that version.</summary>
/// <param name="ContentHash">Hex BLAKE3 of the destination's content.</param>
public sealed record CurrentVersionInfo(long Version, Guid ServerId, string ContentHash, long Size);
