namespace FileSync.Client;

/// <summary>
/// An open download: the content streams from the node as it is read. Dispose it to release the
/// connection.
/// </summary>
public sealed class FileDownload : IAsyncDisposable, IDisposable
{
    private readonly HttpResponseMessage _response;

    internal FileDownload(HttpResponseMessage response, Stream content,
        IReadOnlyDictionary<string, string> metadata)
    {
        _response = response;
        Content = content;
        Metadata = metadata;
    }

    public Stream Content { get; }

    /// <summary>The file's metadata as the node sent it in response headers.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public string? Etag => Metadata.TryGetValue("ETag", out var e) ? e : null;

    /// <summary>Bytes in this response (the range's length for a ranged download).</summary>
    public long? Length => _response.Content.Headers.ContentLength;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }

    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }
}
