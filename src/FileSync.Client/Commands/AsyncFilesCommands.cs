using FileSync.Client.Http;

namespace FileSync.Client;

/// <summary>File operations against one file system of the node (RavenFS's IAsyncFilesCommands).</summary>
public sealed class AsyncFilesCommands
{
    private readonly ServerConnection _connection;
    private readonly string? _fileSystem;

    internal AsyncFilesCommands(ServerConnection connection, string? fileSystem)
    {
        _connection = connection;
        _fileSystem = fileSystem;
        Admin = new AdminCommands(connection);
        Configuration = new ConfigurationCommands(connection, () => FileSystemName);
        Synchronization = new SynchronizationCommands(connection, Configuration, () => FileSystemName);
    }

    /// <summary>The file system these commands address.</summary>
    public string FileSystemName => _fileSystem ?? throw new InvalidOperationException(
        "No file system chosen: set FilesStore.DefaultFileSystem or call ForFileSystem(name).");

    /// <summary>Node-wide operations: create and list file systems.</summary>
    public AdminCommands Admin { get; }

    /// <summary>Named configuration documents of this file system.</summary>
    public ConfigurationCommands Configuration { get; }

    /// <summary>Synchronization of this file system: start it, watch it, resolve conflicts, destinations and config.</summary>
    public SynchronizationCommands Synchronization { get; }

    /// <summary>The same commands, sharing this connection, against another file system.</summary>
    public AsyncFilesCommands ForFileSystem(string fileSystem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileSystem);
        return new AsyncFilesCommands(_connection, fileSystem);
    }

    /// <summary>Streams <paramref name="content"/> to the node as a new version; returns its ETag.</summary>
    public async Task<string> UploadAsync(string fileName, Stream content,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var request = new HttpRequestMessage(HttpMethod.Put, Routes.File(FileSystemName, fileName))
        {
            Content = new StreamContent(content, UploadBufferSize(content)),
        };
        MetadataHeaders.AddTo(request, metadata);
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
        return response.Headers.ETag?.Tag.Trim('"') ?? throw new InvalidDataException(
            $"The node stored '{fileName}' but sent no ETag header.");
    }

    /// <summary>
    /// The piece size an upload is sent in: 1 MiB for a large (or unknown-length) stream, so a big file costs
    /// few reads and socket writes (a thirteenth of the count with 80 KiB pieces); a small stream its own length,
    /// so it allocates no more than it needs.
    /// </summary>
    private static int UploadBufferSize(Stream content)
    {
        const int Large = 1024 * 1024;
        const int Small = 4 * 1024;
        if (!content.CanSeek) return Large;
        var left = content.Length - content.Position;
        return (int)Math.Clamp(left, Small, Large);
    }

    /// <summary>
    /// Opens the file's content as a stream (optionally the byte range <paramref name="from"/>..<paramref name="to"/>, inclusive)
    /// together with its metadata. Dispose the result.
    /// </summary>
    public async Task<FileDownload> DownloadAsync(string fileName, long? from = null, long? to = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.File(FileSystemName, fileName));
        if (from is not null || to is not null)
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(from ?? 0, to);
        var response = await _connection.SendAsync(request, ct, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return new FileDownload(response, stream, MetadataHeaders.From(response));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The file's metadata, or null when the file does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> GetMetadataForAsync(string fileName, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Routes.File(FileSystemName, fileName));
        using var response = await _connection.SendAllowingNotFoundAsync(request, ct).ConfigureAwait(false);
        return response is null ? null : MetadataHeaders.From(response);
    }

    /// <summary>Replaces the file's user metadata (the node keeps its Raven-Synchronization-* keys).</summary>
    public async Task UpdateMetadataAsync(string fileName, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.File(FileSystemName, fileName))
        {
            Content = new ByteArrayContent([]),
        };
        MetadataHeaders.AddTo(request, metadata);
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
    }

    public async Task RenameAsync(string fileName, string newName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        var url = $"{Routes.File(FileSystemName, fileName)}?rename={Uri.EscapeDataString(newName)}";
        using var request = new HttpRequestMessage(HttpMethod.Patch, url);
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>Deletes the file; throws <see cref="FileSyncNotFoundException"/> when it does not exist.</summary>
    public async Task DeleteAsync(string fileName, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Routes.File(FileSystemName, fileName));
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>One page of the file system's files, ordered by name.</summary>
    public Task<FileHeader[]> BrowseAsync(int start = 0, int pageSize = 25, CancellationToken ct = default) =>
        _connection.GetJsonAsync<FileHeader[]>($"{Routes.Files(FileSystemName)}?start={start}&pageSize={pageSize}", ct);
}
