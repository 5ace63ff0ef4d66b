using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FileSync.Acceptance.Support;

namespace FileSync.Acceptance.Storage;

/// <summary>
/// The PLM Media Manager flow of seed 002 end to end over a real WebSocket against real node processes:
/// connect → connection.established → subscribe → POST → sync.started, sync.completed (same id) → GET completed,
/// files exchanged both ways byte-identical.
/// </summary>
public sealed class PlmFlowTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private LinkedPair _pair = null!;

    public Task InitializeAsync()
    {
        _pair = new LinkedPair();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _pair.DisposeAsync();

    private static async Task SendAsync(ClientWebSocket socket, string json) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var cts = new CancellationTokenSource(Wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException($"The node closed the socket: {result.CloseStatusDescription}");
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }

    /// <summary>The next message of <paramref name="resource"/> (acknowledgements and other resources are skipped).</summary>
    private static async Task<JsonElement> ReceiveFromAsync(ClientWebSocket socket, string resource)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (message.GetProperty("resource").GetString() == resource) return message;
        }
    }

    [Fact]
    public async Task Subscribe_post_then_sync_started_and_sync_completed_with_the_same_id_and_files_exchanged()
    {
        await _pair.StartBothAsync();
        var fromA = FileBytes.Random(150_000, 50);
        var fromB = FileBytes.Random(3_000, 51);
        await _pair.OnA.UploadAsync("/plm/from-a.bin", fromA);
        await _pair.OnB.UploadAsync("/plm/from-b.txt", fromB);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_pair.A.Port}/v0/notifications"), CancellationToken.None);
        var hello = await ReceiveAsync(socket);
        Assert.Equal("/notifications", hello.GetProperty("resource").GetString());
        Assert.Equal("connection.established", hello.GetProperty("event").GetString());
        await SendAsync(socket, """{"resource":"_client","event":"subscribe","data":{"resource":"/storage/synchronizers"}}""");
        // The node acknowledges with "subscribed" (an extension): events published after it cannot be missed.
        var ack = await ReceiveAsync(socket);
        Assert.Equal("subscribed", ack.GetProperty("event").GetString());

        var created = await _pair.CreateAsync();
        var id = created.GetProperty("id").GetString();
        var started = await ReceiveFromAsync(socket, "/storage/synchronizers");
        var completed = await ReceiveFromAsync(socket, "/storage/synchronizers");

        Assert.Equal("sync.started", started.GetProperty("event").GetString());
        Assert.Equal(id, started.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("triggered", started.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("sync.completed", completed.GetProperty("event").GetString());
        Assert.Equal(id, completed.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("completed", completed.GetProperty("data").GetProperty("state").GetString());
        var (status, body) = await _pair.GetAsync(id!);
        Assert.Equal(200, status);
        Assert.Equal("completed", body.GetProperty("synchronizer").GetProperty("state").GetString());
        Assert.Equal(FileBytes.Hash(fromA), FileBytes.Hash(await _pair.OnB.TryDownloadAsync("/plm/from-a.bin") ?? []));
        Assert.Equal(FileBytes.Hash(fromB), FileBytes.Hash(await _pair.OnA.TryDownloadAsync("/plm/from-b.txt") ?? []));
    }
}
