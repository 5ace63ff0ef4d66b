namespace FileSync.Sync.Contracts;

/// <summary>The body of <c>incoming/metadata</c>: the source's metadata of a version whose content the destination already holds.</summary>
/// <param name="SourceFileEtag">The source's ETag of this change (kept as the destination's LastSynchronization); optional.</param>
public sealed record IncomingMetadataRequest(string FileName, IReadOnlyDictionary<string, string> Metadata, string? SourceFileEtag = null);

/// <summary>The body of <c>incoming/delete</c>: the tombstone's metadata (its synchronization version and history).</summary>
public sealed record IncomingDeleteRequest(string FileName, IReadOnlyDictionary<string, string> Metadata, string? SourceFileEtag = null);

/// <summary>The body of <c>incoming/rename</c>: the old name, the new one, and the renamed file's metadata.</summary>
/// <param name="Metadata">The renamed file's metadata (a rename keeps the file's synchronization version).</param>
public sealed record IncomingRenameRequest(string FileName, string NewName, IReadOnlyDictionary<string, string> Metadata, string? SourceFileEtag = null);
