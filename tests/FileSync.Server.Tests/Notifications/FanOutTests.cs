using FileSync.Server.Tests.Support;
using FileSync.Client;
using FileSync.Client.Notifications;
using FileSync.Sync.Synchronizers;

namespace FileSync.Server.Tests.Notifications;

/// <summary>Many subscribers at once, through the .NET client.</summary>
public sealed class FanOutTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Fifty_concurrent_subscribers_all_receive_every_one_of_twenty_events_in_order()
    {
        const int subscribers = 50;
        const int events = 20;
        using var store = new FilesStore { Url = _node.BaseUrl }.Initialize();
        var subscriptions = await Task.WhenAll(Enumerable.Range(0, subscribers)
            .Select(_ => store.Notifications.ConnectAsync(["/storage/synchronizers"])));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var readers = subscriptions.Select(s => ReadIdsAsync(s, events, timeout.Token)).ToList();
            for (var i = 0; i < events; i++)
            {
                var view = new SynchronizerView($"$p{i}+q{i}", SynchronizerState.Completed,
                    new SynchronizerPhaseView($"$p{i}", SynchronizerState.Completed), new SynchronizerPhaseView($"$q{i}", SynchronizerState.Completed));
                _node.Events.Publish(new SynchronizerCompleted(view));
            }
            var expected = Enumerable.Range(0, events).Select(i => $"$p{i}+q{i}").ToList();
            foreach (var ids in await Task.WhenAll(readers)) Assert.Equal(expected, ids);
        }
        finally
        {
            foreach (var subscription in subscriptions) await subscription.DisposeAsync();
        }
    }

    private static async Task<List<string>> ReadIdsAsync(NotificationSubscription subscription, int count, CancellationToken ct)
    {
        var ids = new List<string>();
        while (ids.Count < count)
        {
            var notification = await subscription.ReceiveAsync(ct) ?? throw new Xunit.Sdk.XunitException("The node closed a subscriber.");
            Assert.Equal("sync.completed", notification.Event);
            ids.Add(notification.Data.GetProperty("id").GetString()!);
        }
        return ids;
    }
}
