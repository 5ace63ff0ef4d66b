using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FileSync.Storage.Chunking;
using FileSync.Sync.Contracts;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// Talks to one destination file system over HTTP. Content goes as a chunked request body written while it is
/// sent (<see cref="SendContentAsync"/>), so no file is ever held whole in memory.
/// </summary>
public sealed class DestinationClient(HttpClient http, SynchronizationDestination destination, SourceIdentity source) : IDestinationClient
{
    private string Base => $"{destination.NormalizedServerUrl}/fs/{Uri.EscapeDataString(destination.FileSystem)}/synchronization/";

    public async Task<LastSynchronizationInfo> GetLastSynchronizationAsync(CancellationToken ct)
    {
        using var request = NewRequest(HttpMethod.Get, $"LastSynchronization?from={source.ServerId}");
        return await SendForJsonAsync<LastSynchronizationInfo>(request, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<IncomingCheckResult>> CheckAsync(IReadOnlyList<IncomingCheckFile> files, CancellationToken ct)
    {
        using var request = NewRequest(HttpMethod.Post, "incoming/check");
        request.Content = JsonContent.Create(new IncomingCheckRequest(files), options: ProtocolJson.Options);
        var answer = await SendForJsonAsync<FilesAnswer<IncomingCheckResult>>(request, ct).ConfigureAwait(false);
        return answer.Files ?? [];
    }

    public async Task<IReadOnlyList<ChunkHash>> GetMissingAsync(IReadOnlyList<ChunkHash> hashes, CancellationToken ct)
    {
        using var request = NewRequest(HttpMethod.Post, "incoming/missing");
        request.Content = new ByteArrayContent(HashListCodec.Encode(hashes));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(HashListCodec.ContentType);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await HashListCodec.DecodeAsync(body, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<IncomingResult>> SendContentAsync(Func<Stream, CancellationToken, Task> writeDelta, CancellationToken ct)
    {
        using var request = NewRequest(HttpMethod.Post, "incoming/content");
        request.Content = new StreamingContent(writeDelta, DeltaWire.ContentType);
        var answer = await SendForJsonAsync<FilesAnswer<IncomingResult>>(request, ct).ConfigureAwait(false);
        return answer.Files ?? [];
    }

    public Task<IncomingResult> UpdateMetadataAsync(IncomingMetadataRequest request, CancellationToken ct) =>
        PostForResultAsync("incoming/metadata", request, ct);

    public Task<IncomingResult> DeleteAsync(IncomingDeleteRequest request, CancellationToken ct) =>
        PostForResultAsync("incoming/delete", request, ct);

    public Task<IncomingResult> RenameAsync(IncomingRenameRequest request, CancellationToken ct) =>
        PostForResultAsync("incoming/rename", request, ct);

    private async Task<IncomingResult> PostForResultAsync<TBody>(string route, TBody body, CancellationToken ct)
    {
        using var request = NewRequest(HttpMethod.Post, route);
        request.Content = JsonContent.Create(body, options: ProtocolJson.Options);
        return await SendForJsonAsync<IncomingResult>(request, ct).ConfigureAwait(false);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string route)
    {
        var request = new HttpRequestMessage(method, Base + route);
        request.Headers.Add(SourceIdentity.ServerIdHeader, source.ServerId.ToString());
        request.Headers.Add(SourceIdentity.ServerUrlHeader, source.ServerUrl);
        request.Headers.Add(SourceIdentity.FileSystemHeader, source.FileSystem);
        if (!string.IsNullOrEmpty(destination.ApiKey)) request.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {destination.ApiKey}");
        return request;
    }

    private async Task<T> SendForJsonAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ProtocolJson.Options, ct).ConfigureAwait(false)
                ?? throw new DestinationException($"{destination.FileSystemUrl} answered {request.RequestUri?.AbsolutePath} with JSON null.");
        }
        catch (JsonException e)
        {
            throw new DestinationException($"{destination.FileSystemUrl} answered {request.RequestUri?.AbsolutePath} with JSON that is not understood: {e.Message}", e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        var response = await http.SendAsync(request, completion, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var detail = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (detail.Length > 500) detail = detail[..500];
            throw new DestinationException(
                $"{destination.FileSystemUrl} answered {request.Method} {request.RequestUri?.AbsolutePath} with {(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
        }
    }

    private sealed record FilesAnswer<T>(IReadOnlyList<T>? Files);

    /// <summary>A request body produced while it is sent (chunked transfer encoding).</summary>
    private sealed class StreamingContent : HttpContent
    {
        private readonly Func<Stream, CancellationToken, Task> _write;

        public StreamingContent(Func<Stream, CancellationToken, Task> write, string contentType)
        {
            _write = write;
            Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            _write(stream, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            _write(stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>The destination could not be reached or did not answer as the protocol says.</summary>
public sealed class DestinationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Makes <see cref="DestinationClient"/>s that share one <see cref="HttpClient"/>.</summary>
public sealed class HttpDestinationClientFactory(HttpClient http) : IDestinationClientFactory
{
    public IDestinationClient Create(SourceIdentity source, SynchronizationDestination destination) => new DestinationClient(http, destination, source);
}
