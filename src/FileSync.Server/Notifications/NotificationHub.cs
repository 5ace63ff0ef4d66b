using FileSync.Kernel;
using FileSync.Sync.Notifications;
using FileSync.Sync.Synchronizers;

namespace FileSync.Server.Notifications;

/// <summary>
/// <c>/user/notifications</c>: listens on the actor system's event stream for synchronizer, synchronization and
/// conflict events and fans each one out to the WebSocket connections subscribed to its resource. An event is
/// serialized once, and only when someone listens. The hub never waits on a connection: it queues with
/// <see cref="INotificationSubscriber.TryEnqueue"/>, and a connection whose buffer is full is forgotten (it
/// closes itself with 1008), so a slow or dead subscriber cannot slow the hub or the actors publishing.
/// </summary>
public sealed class NotificationHub : ReceiveActor
{
    public const string Name = "notifications";

    private readonly Dictionary<Guid, Subscription> _subscriptions = [];
    private long _delivered;
    private long _dropped;

    public NotificationHub()
    {
        Receive<SubscriberConnected>(m => _subscriptions[m.Subscriber.Id] = new Subscription(m.Subscriber));
        Receive<SubscriberDisconnected>(m => _subscriptions.Remove(m.Id));
        Receive<SubscribeToResource>(OnSubscribe);
        Receive<UnsubscribeFromResource>(OnUnsubscribe);
        Receive<SynchronizerStarted>(e => FanOut(NotificationResources.Synchronizers,
            () => NotificationFrames.Synchronizer(NotificationFrames.SyncStartedEvent, e.Synchronizer)));
        Receive<SynchronizerCompleted>(e => FanOut(NotificationResources.Synchronizers,
            () => NotificationFrames.Synchronizer(NotificationFrames.SyncCompletedEvent, e.Synchronizer)));
        Receive<SynchronizationActivity>(e => FanOut(NotificationResources.Synchronization(e.FileSystem), () => NotificationFrames.Activity(e)));
        Receive<ConflictActivity>(e => FanOut(NotificationResources.Synchronization(e.FileSystem), () => NotificationFrames.Conflict(e)));
        Receive<GetNotificationHubState>(_ => Sender.Tell(new NotificationHubState(_subscriptions.Count, _delivered, _dropped)));
    }

    public static Props Props() => Kernel.Props.Create(() => new NotificationHub());

    protected override void PreStart()
    {
        var events = Context.System.EventStream;
        events.Subscribe<SynchronizerStarted>(Self);
        events.Subscribe<SynchronizerCompleted>(Self);
        events.Subscribe<SynchronizationActivity>(Self);
        events.Subscribe<ConflictActivity>(Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnSubscribe(SubscribeToResource message)
    {
        if (!_subscriptions.TryGetValue(message.Id, out var subscription)) return;
        subscription.Resources.Add(message.Resource);
        Deliver(subscription, NotificationFrames.Acknowledged(NotificationFrames.SubscribedEvent, message.Resource));
    }

    private void OnUnsubscribe(UnsubscribeFromResource message)
    {
        if (!_subscriptions.TryGetValue(message.Id, out var subscription)) return;
        if (message.Resource == NotificationResources.All) subscription.Resources.Clear();
        else subscription.Resources.Remove(message.Resource);
        Deliver(subscription, NotificationFrames.Acknowledged(NotificationFrames.UnsubscribedEvent, message.Resource));
    }

    private void FanOut(string resource, Func<byte[]> frame)
    {
        byte[]? bytes = null;
        // Copy: delivering may drop a subscriber from the dictionary.
        foreach (var subscription in _subscriptions.Values.Where(s => s.Wants(resource)).ToList())
            Deliver(subscription, bytes ??= frame());
    }

    private void Deliver(Subscription subscription, byte[] frame)
    {
        if (subscription.Subscriber.TryEnqueue(frame))
        {
            _delivered++;
            return;
        }
        _subscriptions.Remove(subscription.Subscriber.Id);
        _dropped++;
        Context.Log.Warning($"Notification subscriber {subscription.Subscriber.Id:N} dropped: its buffer is full (subscriber too slow).");
    }

    private sealed class Subscription(INotificationSubscriber subscriber)
    {
        public INotificationSubscriber Subscriber { get; } = subscriber;

        public HashSet<string> Resources { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool Wants(string resource) => Resources.Contains(resource) || Resources.Contains(NotificationResources.All);
    }
}
