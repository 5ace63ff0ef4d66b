using System.Text.Json;
using System.Text.Json.Serialization;
using FileSync.Client.Http;

namespace FileSync.Client.Storage;

/// <summary>
/// <c>/storage/synchronizers</c>: <see cref="CreateAsync"/> (POST), <see cref="GetAsync"/>, <see cref="ListAsync"/>.
/// Errors throw <see cref="StorageApiException"/> with the node's <c>error_code</c> and <c>error_message</c>.
/// </summary>
public sealed class SynchronizerCommands
{
    private const string Route = "storage/synchronizers";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The store's connection (its pool and its API key); only the error answers differ from the /fs routes.
    private readonly ServerConnection _connection;

    internal SynchronizerCommands(ServerConnection connection) => _connection = connection;

    /// <summary>Starts a synchronizer (push then pull over the node's storage link), or answers the one still running.</summary>
    public async Task<Synchronizer> CreateAsync(CancellationToken ct = default) =>
        (await SendAsync<Envelope>(HttpMethod.Post, Route, ct).ConfigureAwait(false)).Synchronizer
        ?? throw Unexpected("a synchronizer", Route);

    /// <param name="id">As the node gave it: <c>$&lt;push-id&gt;+&lt;pull-id&gt;</c>.</param>
    public async Task<Synchronizer> GetAsync(string id, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var route = $"{Route}/{Uri.EscapeDataString(id)}";
        return (await SendAsync<Envelope>(HttpMethod.Get, route, ct).ConfigureAwait(false)).Synchronizer
            ?? throw Unexpected("a synchronizer", route);
    }

    /// <summary>Every synchronizer the node keeps, newest first.</summary>
    public async Task<IReadOnlyList<Synchronizer>> ListAsync(CancellationToken ct = default) =>
        (await SendAsync<ListEnvelope>(HttpMethod.Get, Route, ct).ConfigureAwait(false)).Synchronizers
        ?? throw Unexpected("a synchronizers list", Route);

    private async Task<T> SendAsync<T>(HttpMethod method, string route, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, route);
        using var response = await _connection.SendUncheckedAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        ErrorEnvelope? error = null;
        T? value = default;
        try
        {
            if (response.IsSuccessStatusCode) value = JsonSerializer.Deserialize<T>(body, Json);
            else error = JsonSerializer.Deserialize<ErrorEnvelope>(body, Json);
        }
        catch (JsonException)
        {
            // Not an envelope (e.g. a proxy's page, or a 401 problem document): reported below with the body.
        }
        if (value is not null) return value;
        if (error is { ErrorCode: { } code }) throw new StorageApiException(response.StatusCode, code, error.ErrorMessage ?? code);
        var excerpt = body.Length > 300 ? body[..300] : body;
        throw new StorageApiException(response.StatusCode, StorageApiException.UnexpectedAnswer,
            $"The node answered {method} /{route} with {(int)response.StatusCode} {response.ReasonPhrase}: {excerpt}");
    }

    private static StorageApiException Unexpected(string what, string route) =>
        new(System.Net.HttpStatusCode.OK, StorageApiException.UnexpectedAnswer, $"The node's answer to /{route} does not contain {what}.");

    private sealed record Envelope([property: JsonPropertyName("status")] int Status, [property: JsonPropertyName("synchronizer")] Synchronizer? Synchronizer);

    private sealed record ListEnvelope([property: JsonPropertyName("status")] int Status, [property: JsonPropertyName("synchronizers")] IReadOnlyList<Synchronizer>? Synchronizers);

    private sealed record ErrorEnvelope(
        [property: JsonPropertyName("status")] int Status,
        [property: JsonPropertyName("error_code")] string? ErrorCode,
        [property: JsonPropertyName("error_message")] string? ErrorMessage);
}
