using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FileSync.Client.Http;

/// <summary>
/// The one HTTP connection a <see cref="FilesStore"/> shares between its command objects: builds
/// URLs, sends the API key, and turns error answers into typed exceptions.
/// </summary>
internal sealed class ServerConnection : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
    };

    private readonly HttpClient _http;

    public ServerConnection(string url, string? apiKey)
    {
        var handler = new SocketsHttpHandler
        {
            // Metadata travels in headers; UTF-8 keeps non-ASCII values intact both ways.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri(url.TrimEnd('/') + "/"),
            // Uploads and downloads of any size: callers bound them with cancellation tokens instead.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(apiKey))
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
    }

    /// <summary>Sends and throws the typed exception for any non-success answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var response = await _http.SendAsync(request, completion, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await ServerErrors.FromResponseAsync(response, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends and returns the response, including 404s (the caller decides what they mean).</summary>
    public async Task<HttpResponseMessage?> SendAllowingNotFoundAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var error = await ServerErrors.FromResponseAsync(response, ct).ConfigureAwait(false);
            if (error is FileSyncNotFoundException && ProblemTypes.IsMissingItem(error.ProblemDetails)) return null;
            throw error;
        }
    }

    /// <summary>
    /// Sends and returns the response whatever its status: for routes whose error answers are not problem
    /// documents (the PLM-style <c>/storage</c> envelopes), which the caller reads itself.
    /// </summary>
    public Task<HttpResponseMessage> SendUncheckedAsync(HttpRequestMessage request, CancellationToken ct) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);

    public async Task<T> GetJsonAsync<T>(string relativeUrl, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, ct).ConfigureAwait(false);
    }

    public async Task SendJsonAsync<T>(HttpMethod method, string relativeUrl, T body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, relativeUrl)
        {
            Content = JsonContent.Create(body, options: Json),
        };
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false);
        return value ?? throw new InvalidDataException(
            $"The node answered {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} with an empty JSON document.");
    }

    public void Dispose() => _http.Dispose();
}
