using FileSync.Storage.Chunking;
using FileSync.Storage.Content;
using FileSync.Storage.Database;
using FileSync.Storage.Writing;

namespace FileSync.Storage.Files;

/// <summary>
/// The node's file systems: <see cref="IFileSystems"/> for the HTTP facade, plus what synchronization needs
/// (change lists, chunk lists, versions received from other servers). Uploads are chunked and stored by the
/// caller, concurrently; only the commit goes through the file system's single writer.
/// </summary>
public sealed class NodeFileSystems : IFileSystems
{
    private readonly FileCatalog _catalog;
    private readonly ChunkStore _chunks;
    private readonly IFileSystemWriters _writers;

    internal NodeFileSystems(FileCatalog catalog, ChunkStore chunks, IFileSystemWriters writers)
    {
        _catalog = catalog;
        _chunks = chunks;
        _writers = writers;
        _writers.Changed += change => Changed?.Invoke(change);
    }

    /// <summary>Raised after each commit (also published on the actor system's event stream when there is one).</summary>
    public event Action<FileChanged>? Changed;

    public Guid ServerId => _catalog.ServerId;

    public ChunkStore Chunks => _chunks;

    public Task<IReadOnlyList<string>> ListFileSystemsAsync(CancellationToken ct = default) => _catalog.ListFileSystemsAsync(ct);

    public Task<bool> CreateFileSystemAsync(string fileSystem, CancellationToken ct = default)
    {
        FileSystemName.Validate(fileSystem);
        return _catalog.CreateFileSystemAsync(fileSystem, ct);
    }

    public Task<bool> FileSystemExistsAsync(string fileSystem, CancellationToken ct = default) =>
        FileSystemName.IsValid(fileSystem) ? _catalog.FileSystemExistsAsync(fileSystem, ct) : Task.FromResult(false);

    public async Task<StoredFile?> GetFileAsync(string fileSystem, string name, CancellationToken ct = default)
    {
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        var row = await _catalog.GetRowAsync(fileSystem, FileName.Normalize(name), ct).ConfigureAwait(false);
        return row is { Deleted: false } ? row.ToStoredFile() : null;
    }

    public async Task<FileSystemStats> GetStatsAsync(string fileSystem, CancellationToken ct = default)
    {
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        return await _catalog.CountLiveAsync(fileSystem, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredFile>> ListFilesAsync(string fileSystem, int start, int pageSize, CancellationToken ct = default)
    {
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(start), start, "'start' cannot be negative.");
        if (pageSize is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "'pageSize' must be between 1 and 10000.");
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        var rows = await _catalog.ListLiveAsync(fileSystem, start, pageSize, ct).ConfigureAwait(false);
        return rows.Select(r => r.ToStoredFile()).ToList();
    }

    public async Task<StoredFile> PutFileAsync(string fileSystem, string name, Stream content,
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var normalized = FileName.Normalize(name);
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        var stored = await _chunks.WriteContentAsync(content, ct).ConfigureAwait(false);
        return await SendAsync(new CommitContent(fileSystem, normalized, stored, metadata), ct).ConfigureAwait(false);
    }

    public async Task<StoredFile> UpdateMetadataAsync(string fileSystem, string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default) =>
        await SendAsync(new CommitMetadata(fileSystem, FileName.Normalize(name), metadata), ct).ConfigureAwait(false);

    public async Task<StoredFile> RenameFileAsync(string fileSystem, string name, string newName, CancellationToken ct = default) =>
        await SendAsync(new CommitRename(fileSystem, FileName.Normalize(name), FileName.Normalize(newName)), ct).ConfigureAwait(false);

    public async Task<bool> DeleteFileAsync(string fileSystem, string name, CancellationToken ct = default)
    {
        var normalized = FileName.Normalize(name);
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        return await _writers.SendAsync(new CommitDelete(fileSystem, normalized), ct).ConfigureAwait(false) is not null;
    }

    public Stream OpenRead(StoredFile file, long offset = 0)
    {
        ArgumentNullException.ThrowIfNull(file);
        var contentId = file.ContentId;
        if (contentId == 0)
        {
            var row = _catalog.GetRowAsync(file.FileSystem, FileName.Normalize(file.Name), CancellationToken.None).GetAwaiter().GetResult();
            if (row is not { Deleted: false, ContentId: { } current }) throw new StoredFileNotFoundException(file.FileSystem, file.Name);
            contentId = current;
        }
        return new ContentReadStream(_chunks, contentId, file.Size, offset);
    }

    public Task<string?> GetConfigAsync(string fileSystem, string key, CancellationToken ct = default) =>
        _catalog.GetConfigAsync(fileSystem, ValidKey(key), ct);

    public Task SetConfigAsync(string fileSystem, string key, string json, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return _catalog.SetConfigAsync(fileSystem, ValidKey(key), json, ct);
    }

    public Task<bool> DeleteConfigAsync(string fileSystem, string key, CancellationToken ct = default) =>
        _catalog.DeleteConfigAsync(fileSystem, ValidKey(key), ct);

    // ---- for synchronization

    /// <summary>Files and tombstones whose last change has an ETag above <paramref name="afterEtag"/>, in ETag order.</summary>
    public async Task<IReadOnlyList<FileChange>> ListChangesAsync(string fileSystem, long afterEtag, int limit = 1000, CancellationToken ct = default)
    {
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        var rows = await _catalog.ListChangesAsync(fileSystem, afterEtag, Math.Clamp(limit, 1, 100_000), ct).ConfigureAwait(false);
        return rows.Select(r => r.ToChange()).ToList();
    }

    /// <summary>The latest state of a name including tombstones (null when the name was never used).</summary>
    public async Task<FileChange?> GetEntryAsync(string fileSystem, string name, CancellationToken ct = default)
    {
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        return (await _catalog.GetRowAsync(fileSystem, FileName.Normalize(name), ct).ConfigureAwait(false))?.ToChange();
    }

    /// <summary>The file's synchronization version and history (null when it has none).</summary>
    public async Task<SynchronizationVersion?> GetHistoryAsync(string fileSystem, string name, CancellationToken ct = default) =>
        (await GetEntryAsync(fileSystem, name, ct).ConfigureAwait(false))?.Version;

    /// <summary>The ordered chunk list of a stored version.</summary>
    public Task<IReadOnlyList<ChunkRef>> GetChunkListAsync(StoredFile file, CancellationToken ct = default) =>
        file.ContentId != 0 ? _chunks.GetChunkListAsync(file.ContentId, ct) : Task.FromResult<IReadOnlyList<ChunkRef>>([]);

    /// <summary>The chunk list of an earlier version of a file this node still retains (null when not retained): the "known base".</summary>
    public async Task<IReadOnlyList<ChunkRef>?> GetRetainedChunkListAsync(string fileSystem, string name, HistoryItem version, CancellationToken ct = default)
    {
        var contentId = await _catalog.GetRetainedContentAsync(fileSystem, FileName.Normalize(name), version.Version, version.ServerId, ct).ConfigureAwait(false);
        return contentId is { } id ? await _chunks.GetChunkListAsync(id, ct).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Commits a version received from another server from a chunk list (all chunks must be stored here
    /// already) without reading content. <paramref name="metadata"/> must carry the Raven-Synchronization-*
    /// keys of that version; they are stored as given. Chunks null: only the metadata changes.
    /// </summary>
    public Task<StoredFile> CommitRemoteVersionAsync(string fileSystem, string name, IReadOnlyList<ChunkRef>? chunks, string contentHash,
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default) =>
        CommitRemoteVersionAsync(fileSystem, name, chunks, contentHash, metadata, knownPresent: null, ct);

    /// <summary>
    /// Same, where the chunks in <paramref name="knownPresent"/> need no presence check (they come from a content
    /// a live file lists, e.g. the base version of a delta; see <see cref="ChunkStore.CreateContentAsync(IReadOnlyList{ChunkRef}, string, IReadOnlySet{ChunkHash}?, CancellationToken)"/>).
    /// </summary>
    public async Task<StoredFile> CommitRemoteVersionAsync(string fileSystem, string name, IReadOnlyList<ChunkRef>? chunks, string contentHash,
        IReadOnlyDictionary<string, string> metadata, IReadOnlySet<ChunkHash>? knownPresent, CancellationToken ct = default)
    {
        var normalized = FileName.Normalize(name);
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        var content = chunks is null ? null : await _chunks.CreateContentAsync(chunks, contentHash, knownPresent, ct).ConfigureAwait(false);
        return await SendAsync(new CommitRemoteVersion(fileSystem, normalized, content, metadata), ct).ConfigureAwait(false);
    }

    /// <summary>Same as <see cref="CommitRemoteVersionAsync"/> with the bytes given as a stream (a whole-content transfer).</summary>
    public async Task<StoredFile> CommitRemoteVersionAsync(string fileSystem, string name, Stream content,
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        var normalized = FileName.Normalize(name);
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        var stored = await _chunks.WriteContentAsync(content, ct).ConfigureAwait(false);
        return await SendAsync(new CommitRemoteVersion(fileSystem, normalized, stored, metadata), ct).ConfigureAwait(false);
    }

    /// <summary>Records a delete made on another server (a tombstone with that server's synchronization metadata).</summary>
    public async Task CommitRemoteDeleteAsync(string fileSystem, string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        await EnsureAsync(fileSystem, ct).ConfigureAwait(false);
        await _writers.SendAsync(new CommitRemoteDelete(fileSystem, FileName.Normalize(name), metadata), ct).ConfigureAwait(false);
    }

    private async Task<StoredFile> SendAsync(FileSystemCommand command, CancellationToken ct)
    {
        await EnsureAsync(command.FileSystem, ct).ConfigureAwait(false);
        var row = await _writers.SendAsync(command, ct).ConfigureAwait(false);
        return row!.ToStoredFile();
    }

    private async Task EnsureAsync(string fileSystem, CancellationToken ct)
    {
        if (!FileSystemName.IsValid(fileSystem)) throw new FileSystemNotFoundException(fileSystem);
        await _catalog.EnsureFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
    }

    private static string ValidKey(string key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > 256
            ? throw new ArgumentException("A configuration name must be 1 to 256 characters.", nameof(key))
            : key;
}
