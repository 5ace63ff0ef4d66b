using FileSync.Server.Tests.Support;
using System.Net.WebSockets;
using FileSync.Client;
using FileSync.Client.Notifications;
using SynchronizationType = FileSync.Sync.Contracts.SynchronizationType;
using FileSync.Sync.Notifications;

namespace FileSync.Server.Tests.Notifications;

/// <summary><c>store.Notifications</c> against a real node, with and without API keys.</summary>
public sealed class NotificationClientTests
{
    [Fact]
    public async Task SubscribeAsync_yields_the_greeting_the_acknowledgement_then_the_events()
    {
        await using var node = await InProcessNode.StartAsync();
        using var store = new FilesStore { Url = node.BaseUrl }.Initialize();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var seen = new List<Notification>();
        await foreach (var notification in store.Notifications.SubscribeAsync(["/fs/A/synchronization"], timeout.Token))
        {
            seen.Add(notification);
            if (notification.Event == "subscribed")
                node.Events.Publish(new SynchronizationActivity("A", "/f.txt", "http://b/fs/B", SynchronizationType.Delete,
                    SynchronizationAction.Finish, SynchronizationDirection.Incoming));
            if (notification.Event == "synchronization") break;
        }

        Assert.Equal(["connection.established", "subscribed", "synchronization"], seen.Select(n => n.Event));
        var activity = seen[^1];
        Assert.Equal("/fs/A/synchronization", activity.Resource);
        Assert.Equal("/f.txt", activity.DataString("FileName"));
        Assert.Equal("Delete", activity.DataString("Type"));
        Assert.Equal("Finish", activity.DataString("Action"));
        Assert.Equal("Incoming", activity.DataString("Direction"));
    }

    [Fact]
    public async Task ConnectAsync_with_an_unknown_resource_throws_the_nodes_error()
    {
        await using var node = await InProcessNode.StartAsync();
        using var store = new FilesStore { Url = node.BaseUrl }.Initialize();
        var error = await Assert.ThrowsAsync<NotificationException>(() => store.Notifications.ConnectAsync(["/nowhere"]));
        Assert.Equal("unknown_resource", error.ErrorCode);
        Assert.Contains("/nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_api_keys_the_socket_needs_one_as_header_or_api_key_query()
    {
        await using var node = await InProcessNode.StartAsync(o => o with { ApiKeys = ["s3cret"] });

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => RawSocket.ConnectAsync(node.BaseUrl));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        var wrong = await Assert.ThrowsAsync<WebSocketException>(() => RawSocket.ConnectAsync(node.BaseUrl, "?api_key=nope"));
        Assert.Contains("403", wrong.Message, StringComparison.Ordinal);

        // Only the notifications route takes the key from the query string.
        using (var ordinary = await node.Http.GetAsync("fs?api_key=s3cret"))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ordinary.StatusCode);

        await using (var byQuery = await RawSocket.ConnectAsync(node.BaseUrl, "?api_key=s3cret"))
            Assert.Equal(RawSocket.Established, await byQuery.ReceiveTextAsync());

        using var store = new FilesStore { Url = node.BaseUrl, ApiKey = "s3cret" }.Initialize();
        await using var byHeader = await store.Notifications.ConnectAsync(["*"]);
        Assert.Equal(WebSocketState.Open, byHeader.State);
    }
}
