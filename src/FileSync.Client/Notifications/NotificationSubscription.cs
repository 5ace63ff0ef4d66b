using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace FileSync.Client.Notifications;

/// <summary>
/// An open notifications WebSocket. Made by <see cref="NotificationCommands.ConnectAsync"/>, which returns once
/// every resource is acknowledged, so every event published afterwards is received. Not thread-safe for reading:
/// one reader at a time. Dispose to close the socket.
/// </summary>
public sealed class NotificationSubscription : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Queue<Notification> _early = new();
    private readonly byte[] _buffer = new byte[16 * 1024];

    internal NotificationSubscription(ClientWebSocket socket) => _socket = socket;

    /// <summary>Why the node closed the socket (e.g. <see cref="WebSocketCloseStatus.PolicyViolation"/> for a subscriber too slow); null while open.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    public WebSocketState State => _socket.State;

    /// <summary>Asks for one more resource and waits for its acknowledgement (events of other resources meanwhile are kept).</summary>
    public Task SubscribeAsync(string resource, CancellationToken ct = default) => RequestAsync("subscribe", "subscribed", resource, ct);

    public Task UnsubscribeAsync(string resource, CancellationToken ct = default) => RequestAsync("unsubscribe", "unsubscribed", resource, ct);

    /// <summary>The next message, or null once the node closed the socket.</summary>
    public async Task<Notification?> ReceiveAsync(CancellationToken ct = default)
    {
        if (_early.TryDequeue(out var kept)) return kept;
        return await ReadAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Every message until the node closes the socket or <paramref name="ct"/> is cancelled.</summary>
    public async IAsyncEnumerable<Notification> ReadAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        while (await ReceiveAsync(ct).ConfigureAwait(false) is { } notification) yield return notification;
    }

    /// <summary>Sends any JSON text as is (for tools and tests that speak the protocol directly).</summary>
    public Task SendRawAsync(string json, CancellationToken ct = default) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, ct);

    internal async Task ExpectEstablishedAsync(CancellationToken ct)
    {
        var first = await ReadAsync(ct).ConfigureAwait(false)
            ?? throw new NotificationException($"The node closed the notifications socket at once ({CloseStatus} {CloseStatusDescription}).");
        if (first.Event != "connection.established")
            throw new NotificationException($"The node's first notification was '{first.Event}', not 'connection.established'.");
    }

    internal Task SendRequestAsync(string @event, string resource, CancellationToken ct) =>
        SendRawAsync(JsonSerializer.Serialize(new { resource = "_client", @event, data = new { resource } }), ct);

    private async Task RequestAsync(string @event, string acknowledgement, string resource, CancellationToken ct)
    {
        await SendRequestAsync(@event, resource, ct).ConfigureAwait(false);
        while (true)
        {
            var message = await ReadAsync(ct).ConfigureAwait(false)
                ?? throw new NotificationException($"The node closed the notifications socket before acknowledging '{resource}' ({CloseStatus} {CloseStatusDescription}).");
            if (message.Resource == Notification.ServerResource && message.Event == acknowledgement && message.DataString("resource") == resource) return;
            if (message.IsError)
                throw new NotificationException(message.DataString("error_message") ?? "The node refused the request.", message.DataString("error_code"));
            _early.Enqueue(message);
        }
    }

    private async Task<Notification?> ReadAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(_buffer, ct).ConfigureAwait(false);
            }
            catch (WebSocketException) when (_socket.State is WebSocketState.Aborted or WebSocketState.Closed)
            {
                return null;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct).ConfigureAwait(false);
                return null;
            }
            message.Write(_buffer, 0, result.Count);
            if (result.EndOfMessage) return Parse(message.GetBuffer().AsMemory(0, (int)message.Length));
        }
    }

    private static Notification Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        return new Notification(
            root.TryGetProperty("resource", out var resource) ? resource.GetString() ?? "" : "",
            root.TryGetProperty("event", out var @event) ? @event.GetString() ?? "" : "",
            root.TryGetProperty("data", out var data) ? data.Clone() : default);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing is best effort: the socket is released below either way.
        }
        _socket.Dispose();
    }
}
