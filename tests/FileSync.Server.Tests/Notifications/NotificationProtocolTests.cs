using FileSync.Server.Tests.Support;
using System.Net;
using System.Text.Json;
using FileSync.Sync.Contracts;
using FileSync.Sync.Notifications;
using FileSync.Sync.Synchronizers;

namespace FileSync.Server.Tests.Notifications;

/// <summary>The PLM protocol of ws://{host}/v0/notifications over a real WebSocket, with events published on the node's event stream.</summary>
public sealed class NotificationProtocolTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static SynchronizerView View(SynchronizerState state) =>
        new("$1+2", state, new SynchronizerPhaseView("$1", state), new SynchronizerPhaseView("$2", state));

    [Fact]
    public async Task Connecting_gets_connection_established_first()
    {
        await using var socket = await RawSocket.ConnectAsync(_node.BaseUrl);
        Assert.Equal(RawSocket.Established, await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Synchronizer_events_arrive_as_sync_started_and_sync_completed_with_the_lower_case_synchronizer()
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SubscribeAsync("/storage/synchronizers");

        _node.Events.Publish(new SynchronizerStarted(View(SynchronizerState.Triggered)));
        _node.Events.Publish(new SynchronizerCompleted(View(SynchronizerState.Completed)));

        Assert.Equal(
            """{"resource":"/storage/synchronizers","event":"sync.started","data":{"id":"$1+2","state":"triggered","push":{"id":"$1","state":"triggered"},"pull":{"id":"$2","state":"triggered"}}}""",
            await socket.ReceiveTextAsync());
        Assert.Equal(
            """{"resource":"/storage/synchronizers","event":"sync.completed","data":{"id":"$1+2","state":"completed","push":{"id":"$1","state":"completed"},"pull":{"id":"$2","state":"completed"}}}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Synchronization_and_conflict_events_arrive_in_RavenFS_shape_only_for_the_subscribed_file_system()
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SubscribeAsync("/fs/NorthwindFS/synchronization");

        _node.Events.Publish(new SynchronizationActivity("OtherFS", "/other.txt", "http://b/fs/X", SynchronizationType.Delete,
            SynchronizationAction.Start, SynchronizationDirection.Outgoing));
        _node.Events.Publish(new SynchronizationActivity("NorthwindFS", "/books/a.pdf", "http://localhost:8081/fs/SlaveNorthwindFS",
            SynchronizationType.ContentUpdate, SynchronizationAction.Enqueue, SynchronizationDirection.Outgoing));
        _node.Events.Publish(new ConflictActivity("NorthwindFS", "/books/a.pdf", "http://localhost:8081", ConflictStatus.Detected));

        Assert.Equal(
            """{"resource":"/fs/NorthwindFS/synchronization","event":"synchronization","data":{"FileName":"/books/a.pdf","DestinationFileSystemUrl":"http://localhost:8081/fs/SlaveNorthwindFS","Type":"ContentUpdate","Action":"Enqueue","Direction":"Outgoing"}}""",
            await socket.ReceiveTextAsync());
        Assert.Equal(
            """{"resource":"/fs/NorthwindFS/synchronization","event":"conflict","data":{"FileName":"/books/a.pdf","SourceServerUrl":"http://localhost:8081","Status":"Detected"}}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_star_subscription_gets_every_resource()
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SubscribeAsync("*");

        _node.Events.Publish(new SynchronizerStarted(View(SynchronizerState.Triggered)));
        _node.Events.Publish(new ConflictActivity("AnyFS", "/x", "http://a", ConflictStatus.Resolved));

        Assert.Equal("/storage/synchronizers", (await socket.ReceiveJsonAsync()).GetProperty("resource").GetString());
        Assert.Equal("/fs/AnyFS/synchronization", (await socket.ReceiveJsonAsync()).GetProperty("resource").GetString());
    }

    [Fact]
    public async Task After_unsubscribe_the_resource_no_longer_arrives()
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SubscribeAsync("/fs/A/synchronization");
        await socket.SubscribeAsync("/storage/synchronizers");
        await socket.SendAsync(RawSocket.Request("unsubscribe", "/fs/A/synchronization"));
        Assert.Equal("""{"resource":"/notifications","event":"unsubscribed","data":{"resource":"/fs/A/synchronization"}}""", await socket.ReceiveTextAsync());

        _node.Events.Publish(new ConflictActivity("A", "/gone", "http://a", ConflictStatus.Detected));
        _node.Events.Publish(new SynchronizerStarted(View(SynchronizerState.Triggered)));

        // The conflict was published first: had it been delivered, it would come before the synchronizer event.
        Assert.Equal("sync.started", (await socket.ReceiveJsonAsync()).GetProperty("event").GetString());
    }

    public static TheoryData<string, string> BadTextMessages => new()
    {
        { "not json at all", "invalid_message" },
        { "[1,2]", "invalid_message" },
        { """{"resource":"_client"}""", "invalid_message" },
        { """{"resource":"/storage/synchronizers","event":"subscribe","data":{"resource":"/storage/synchronizers"}}""", "unknown_message_resource" },
        { """{"resource":"_client","event":"publish","data":{"resource":"/storage/synchronizers"}}""", "unknown_event" },
        { """{"resource":"_client","event":"subscribe"}""", "missing_data" },
        { """{"resource":"_client","event":"subscribe","data":{}}""", "missing_data" },
        { """{"resource":"_client","event":"subscribe","data":{"resource":"/storage/elsewhere"}}""", "unknown_resource" },
        { """{"resource":"_client","event":"subscribe","data":{"resource":"/fs/../synchronization"}}""", "unknown_resource" },
    };

    [Theory]
    [MemberData(nameof(BadTextMessages))]
    public async Task A_bad_message_gets_an_error_event_and_the_connection_keeps_working(string message, string expectedCode)
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SendAsync(message);
        await AssertErrorAsync(socket, expectedCode);
        await AssertStillServesAsync(socket);
    }

    [Fact]
    public async Task A_binary_frame_gets_an_error_event_and_the_connection_keeps_working()
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SendBinaryAsync([1, 2, 3]);
        await AssertErrorAsync(socket, "binary_not_supported");
        await AssertStillServesAsync(socket);
    }

    [Fact]
    public async Task A_message_over_16_KiB_gets_an_error_event_and_the_connection_keeps_working()
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SendAsync(RawSocket.Request("subscribe", "/fs/" + new string('x', 20_000) + "/synchronization"));
        await AssertErrorAsync(socket, "message_too_large");
        await AssertStillServesAsync(socket);
    }

    [Fact]
    public async Task A_plain_GET_of_the_route_is_a_400_with_a_sentence()
    {
        using var response = await _node.Http.GetAsync("v0/notifications");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("WebSocket", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_node_closes_subscribers_with_1001()
    {
        await using var socket = await RawSocket.OpenAsync(_node.BaseUrl);
        await socket.SubscribeAsync("*");
        var stopping = _node.StopAsync();
        Assert.Null(await socket.TryReceiveTextAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, socket.Socket.CloseStatus);
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static async Task AssertErrorAsync(RawSocket socket, string expectedCode)
    {
        var error = await socket.ReceiveJsonAsync();
        Assert.Equal("/notifications", error.GetProperty("resource").GetString());
        Assert.Equal("error", error.GetProperty("event").GetString());
        Assert.Equal(expectedCode, error.GetProperty("data").GetProperty("error_code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("data").GetProperty("error_message").GetString()));
    }

    private async Task AssertStillServesAsync(RawSocket socket)
    {
        await socket.SubscribeAsync("/storage/synchronizers");
        _node.Events.Publish(new SynchronizerStarted(View(SynchronizerState.Triggered)));
        Assert.Equal("sync.started", (await socket.ReceiveJsonAsync()).GetProperty("event").GetString());
    }
}
