namespace FileSync.Storage.Files;

/// <summary>Live files of a file system: how many and their total size in bytes (tombstones not counted).</summary>
public sealed record FileSystemStats(long FileCount, long TotalSize);
