using FileSync.Server.Tests.Support;
using FileSync.Kernel;
using System.Net.WebSockets;
using FileSync.Server.Notifications;
using FileSync.Sync.Contracts;
using FileSync.Sync.Notifications;

namespace FileSync.Server.Tests.Notifications;

/// <summary>
/// The buffer policy: a subscriber that stops reading fills its bounded buffer and is closed with 1008
/// "subscriber too slow", while the hub keeps serving a healthy subscriber at the publishers' pace.
/// </summary>
public sealed class SlowSubscriberTests : IAsyncLifetime
{
    private const string Resource = "/fs/BusyFS/synchronization";
    private const int BatchSize = 100;
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync(settings: new Dictionary<string, string?>
    {
        ["filesync:notifications:buffer-size"] = "200",
        // Long enough that the close frame still goes out when the stalled test client starts reading again.
        ["filesync:notifications:close-timeout"] = "60s",
    });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_subscriber_that_never_reads_is_closed_with_1008_while_a_healthy_one_receives_every_event()
    {
        await using var stalled = await RawSocket.OpenAsync(_node.BaseUrl);
        await stalled.SubscribeAsync(Resource);
        await using var healthy = await RawSocket.OpenAsync(_node.BaseUrl);
        await healthy.SubscribeAsync(Resource);
        var hubRef = _node.System.ActorSelection("/user/notifications").ResolveOne();

        // Big events (4 KB names) fill the socket buffers between the node and the stalled client quickly.
        var longName = "/" + new string('n', 4000);
        var published = 0;
        var received = 0;
        while (true)
        {
            for (var i = 0; i < BatchSize; i++, published++)
                _node.Events.Publish(new SynchronizationActivity("BusyFS", longName + published, "http://b/fs/X", SynchronizationType.ContentUpdate,
                    SynchronizationAction.Enqueue, SynchronizationDirection.Outgoing));
            for (; received < published; received++)
                Assert.Contains($"\"FileName\":\"{longName}{received}\"", await healthy.ReceiveTextAsync(), StringComparison.Ordinal);
            var state = await hubRef.Ask<NotificationHubState>(GetNotificationHubState.Instance, TimeSpan.FromSeconds(5));
            if (state.DroppedSlowSubscribers == 1) break;
            Assert.True(published < 100_000, "400 MB of events did not fill the stalled subscriber's buffer.");
        }

        // The stalled client finally reads: what the sockets held, then the close.
        var before = 0;
        while (await stalled.TryReceiveTextAsync(TimeSpan.FromSeconds(30)) is not null) before++;
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, stalled.Socket.CloseStatus);
        Assert.Equal("subscriber too slow", stalled.Socket.CloseStatusDescription);
        Assert.InRange(before, 1, published - 1);

        // The hub goes on serving the healthy subscriber.
        _node.Events.Publish(new ConflictActivity("BusyFS", "/after", "http://a", ConflictStatus.Detected));
        Assert.Contains("\"FileName\":\"/after\"", await healthy.ReceiveTextAsync(), StringComparison.Ordinal);
        var after = await hubRef.Ask<NotificationHubState>(GetNotificationHubState.Instance, TimeSpan.FromSeconds(5));
        Assert.Equal(1, after.Connections);
    }
}
