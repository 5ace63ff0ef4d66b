using FileSync.Storage.Files;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The node's <see cref="IFileSystems"/> as local clients see it: every local write (PUT, metadata POST,
/// DELETE, rename — both names) to a file that an incoming synchronization holds throws
/// <see cref="FileLockedException"/> (HTTP 420) before anything is read or stored. Reads pass through.
/// Incoming synchronization itself writes through <see cref="NodeFileSystems"/> directly, under the lock.
/// </summary>
public sealed class LockCheckingFileSystems(IFileSystems inner, FileLockRegistry locks) : IFileSystems
{
    public Task<IReadOnlyList<string>> ListFileSystemsAsync(CancellationToken ct = default) => inner.ListFileSystemsAsync(ct);

    public Task<bool> CreateFileSystemAsync(string fileSystem, CancellationToken ct = default) => inner.CreateFileSystemAsync(fileSystem, ct);

    public Task<bool> FileSystemExistsAsync(string fileSystem, CancellationToken ct = default) => inner.FileSystemExistsAsync(fileSystem, ct);

    public Task<StoredFile?> GetFileAsync(string fileSystem, string name, CancellationToken ct = default) => inner.GetFileAsync(fileSystem, name, ct);

    public Task<IReadOnlyList<StoredFile>> ListFilesAsync(string fileSystem, int start, int pageSize, CancellationToken ct = default) =>
        inner.ListFilesAsync(fileSystem, start, pageSize, ct);

    public Task<FileSystemStats> GetStatsAsync(string fileSystem, CancellationToken ct = default) => inner.GetStatsAsync(fileSystem, ct);

    public Task<StoredFile> PutFileAsync(string fileSystem, string name, Stream content, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        locks.ThrowIfLocked(fileSystem, name);
        return inner.PutFileAsync(fileSystem, name, content, metadata, ct);
    }

    public Task<StoredFile> UpdateMetadataAsync(string fileSystem, string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        locks.ThrowIfLocked(fileSystem, name);
        return inner.UpdateMetadataAsync(fileSystem, name, metadata, ct);
    }

    public Task<StoredFile> RenameFileAsync(string fileSystem, string name, string newName, CancellationToken ct = default)
    {
        locks.ThrowIfLocked(fileSystem, name);
        locks.ThrowIfLocked(fileSystem, newName);
        return inner.RenameFileAsync(fileSystem, name, newName, ct);
    }

    public Task<bool> DeleteFileAsync(string fileSystem, string name, CancellationToken ct = default)
    {
        locks.ThrowIfLocked(fileSystem, name);
        return inner.DeleteFileAsync(fileSystem, name, ct);
    }

    public Stream OpenRead(StoredFile file, long offset = 0) => inner.OpenRead(file, offset);

    public Task<string?> GetConfigAsync(string fileSystem, string key, CancellationToken ct = default) => inner.GetConfigAsync(fileSystem, key, ct);

    public Task SetConfigAsync(string fileSystem, string key, string json, CancellationToken ct = default) => inner.SetConfigAsync(fileSystem, key, json, ct);

    public Task<bool> DeleteConfigAsync(string fileSystem, string key, CancellationToken ct = default) => inner.DeleteConfigAsync(fileSystem, key, ct);
}
