using System.Net.Http.Json;
using System.Text.Json;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// The pull over HTTP: <c>POST {remote}/fs/{fs}/synchronization/Drain</c> (PascalCase JSON, like every <c>/fs</c>
/// route). An unreachable node or a non-2xx answer throws <see cref="DestinationException"/> with a sentence.
/// </summary>
public sealed class HttpRemoteDrainClient(HttpClient http) : IRemoteDrainClient
{
    public async Task<DestinationSyncResult> DrainAsync(string remoteUrl, string remoteFileSystem, string? apiKey, SynchronizationDestination to, CancellationToken ct)
    {
        var url = $"{remoteUrl.TrimEnd('/')}/fs/{Uri.EscapeDataString(remoteFileSystem)}/synchronization/Drain";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(to, options: ProtocolJson.Options) };
        if (!string.IsNullOrEmpty(apiKey)) request.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {apiKey}");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DestinationException($"The remote node {remoteUrl} could not be reached for the pull: {e.Message}", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (detail.Length > 500) detail = detail[..500];
                throw new DestinationException($"The remote node answered POST {request.RequestUri?.AbsolutePath} with {(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
            }
            try
            {
                return await response.Content.ReadFromJsonAsync<DestinationSyncResult>(ProtocolJson.Options, ct).ConfigureAwait(false)
                    ?? throw new DestinationException($"The remote node answered POST {request.RequestUri?.AbsolutePath} with JSON null.");
            }
            catch (JsonException e)
            {
                throw new DestinationException($"The remote node answered POST {request.RequestUri?.AbsolutePath} with JSON that is not a DestinationSyncResult: {e.Message}", e);
            }
        }
    }
}
