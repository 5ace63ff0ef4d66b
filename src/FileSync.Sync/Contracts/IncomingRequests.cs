namespace FileSync.Sync.Contracts;

/// <summary>The body of <c>incoming/metadata</c>: the source's metadata of a version whose content the destination already holds.</summary>
public sealed record IncomingMetadataRequest(string FileName, IReadOnlyDictionary<string, string> Metadata);

/// <summary>The body of <c>incoming/delete</c>: the tombstone's metadata (its synchronization version and history).</summary>
public sealed record IncomingDeleteRequest(string FileName, IReadOnlyDictionary<string, string> Metadata);

/// <summary>The body of <c>incoming/rename</c>: the old name, the new one, and the renamed file's metadata.</summary>
public sealed record IncomingRenameRequest(string FileName, string NewName, IReadOnlyDictionary<string, string> Metadata);
