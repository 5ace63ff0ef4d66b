using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FileSync.Server.Tests.Notifications;

/// <summary>A bare <see cref="ClientWebSocket"/> that reads and writes exact text, to pin the wire format down.</summary>
internal sealed class RawSocket : IAsyncDisposable
{
    public const string Established = """{"resource":"/notifications","event":"connection.established"}""";
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);
    private readonly byte[] _buffer = new byte[64 * 1024];

    private RawSocket(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<RawSocket> ConnectAsync(string baseUrl, string query = "", Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(ReadTimeout);
        await socket.ConnectAsync(new Uri(baseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/v0/notifications" + query), timeout.Token);
        return new RawSocket(socket);
    }

    /// <summary>Connects and checks the greeting.</summary>
    public static async Task<RawSocket> OpenAsync(string baseUrl)
    {
        var socket = await ConnectAsync(baseUrl);
        Assert.Equal(Established, await socket.ReceiveTextAsync());
        return socket;
    }

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) =>
        Socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    /// <summary>Subscribes and waits for the exact acknowledgement.</summary>
    public async Task SubscribeAsync(string resource)
    {
        await SendAsync(Request("subscribe", resource));
        Assert.Equal($$$"""{"resource":"/notifications","event":"subscribed","data":{"resource":"{{{resource}}}"}}""", await ReceiveTextAsync());
    }

    public static string Request(string @event, string resource) =>
        $$$"""{"resource":"_client","event":"{{{@event}}}","data":{"resource":"{{{resource}}}"}}""";

    /// <summary>The next text message; fails on a close, a binary message or a silence of 15 s.</summary>
    public async Task<string> ReceiveTextAsync()
    {
        var text = await TryReceiveTextAsync(ReadTimeout);
        return text ?? throw new Xunit.Sdk.XunitException($"The node closed the socket: {Socket.CloseStatus} '{Socket.CloseStatusDescription}'.");
    }

    public async Task<JsonElement> ReceiveJsonAsync()
    {
        using var document = JsonDocument.Parse(await ReceiveTextAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The next text message, or null when the node closed the socket.</summary>
    public async Task<string?> TryReceiveTextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(_buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // Complete the close handshake, as a well-behaved client does.
                if (Socket.State == WebSocketState.CloseReceived)
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                return null;
            }
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(_buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        Socket.Dispose();
    }
}
