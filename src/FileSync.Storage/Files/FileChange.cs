namespace FileSync.Storage.Files;

/// <summary>
/// One entry of a file system's change list: the latest state of a name, live or tombstone, with the ETag
/// of its last change. Listed in ETag order so synchronization can resume "above the last confirmed ETag".
/// </summary>
/// <param name="Deleted">True for a tombstone (a delete, or the old name of a rename).</param>
/// <param name="RenamedTo">For the tombstone of a rename: the new name.</param>
/// <param name="ContentId">The content of a live file (0 for tombstones).</param>
public sealed record FileChange(
    string FileSystem,
    string Name,
    long Etag,
    bool Deleted,
    string? RenamedTo,
    long Size,
    string ContentHash,
    long ContentId,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset LastModified)
{
    public SynchronizationVersion? Version => SynchronizationVersion.FromMetadata(Metadata);
}

/// <summary>What kind of change a commit made.</summary>
public enum FileChangeKind
{
    ContentUpdated,
    MetadataUpdated,
    Deleted,
    Renamed,
    ReceivedFromRemote,
}

/// <summary>Published on the event stream after each commit of a file system (synchronization listens).</summary>
/// <param name="OldName">For a rename, the name that now holds the rename tombstone.</param>
public sealed record FileChanged(string FileSystem, string Name, long Etag, FileChangeKind Kind, string? OldName = null);
