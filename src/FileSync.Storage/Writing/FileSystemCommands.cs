using FileSync.Storage.Content;

namespace FileSync.Storage.Writing;

/// <summary>A change to one file system, executed by its single writer. Immutable; carries no stream.</summary>
public abstract record FileSystemCommand(string FileSystem, string Name);

/// <summary>Make an already stored content the file's new local version (PUT).</summary>
public sealed record CommitContent(string FileSystem, string Name, StoredContent Content, IReadOnlyDictionary<string, string> Metadata)
    : FileSystemCommand(FileSystem, Name);

/// <summary>Replace a live file's user metadata (metadata POST).</summary>
public sealed record CommitMetadata(string FileSystem, string Name, IReadOnlyDictionary<string, string> Metadata)
    : FileSystemCommand(FileSystem, Name);

/// <summary>Delete a live file, leaving a tombstone.</summary>
public sealed record CommitDelete(string FileSystem, string Name) : FileSystemCommand(FileSystem, Name);

/// <summary>Rename a live file; the old name leaves a rename tombstone.</summary>
public sealed record CommitRename(string FileSystem, string Name, string NewName) : FileSystemCommand(FileSystem, Name);

/// <summary>Store a version made on another server, with its synchronization metadata as given (Content null: metadata only).</summary>
public sealed record CommitRemoteVersion(string FileSystem, string Name, StoredContent? Content, IReadOnlyDictionary<string, string> Metadata)
    : FileSystemCommand(FileSystem, Name);

/// <summary>Store a delete made on another server.</summary>
public sealed record CommitRemoteDelete(string FileSystem, string Name, IReadOnlyDictionary<string, string> Metadata)
    : FileSystemCommand(FileSystem, Name);
