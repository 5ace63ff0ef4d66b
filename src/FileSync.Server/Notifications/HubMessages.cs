namespace FileSync.Server.Notifications;

/// <summary>One WebSocket connection as the hub sees it: somewhere to queue frames without ever waiting.</summary>
public interface INotificationSubscriber
{
    Guid Id { get; }

    /// <summary>Queues a frame; false when the subscriber's buffer is full (the subscriber then closes itself).</summary>
    bool TryEnqueue(byte[] frame);
}

/// <summary>A connection opened; it receives nothing until it subscribes.</summary>
public sealed record SubscriberConnected(INotificationSubscriber Subscriber);

/// <summary>A connection ended (closed, broken or dropped for being too slow).</summary>
public sealed record SubscriberDisconnected(Guid Id);

/// <summary>Adds a resource to a connection's subscriptions; acknowledged with a <c>subscribed</c> message.</summary>
public sealed record SubscribeToResource(Guid Id, string Resource);

/// <summary>Removes a resource (or, for <c>*</c>, every resource); acknowledged with an <c>unsubscribed</c> message.</summary>
public sealed record UnsubscribeFromResource(Guid Id, string Resource);

/// <summary>Asks the hub for <see cref="NotificationHubState"/>.</summary>
public sealed record GetNotificationHubState
{
    public static GetNotificationHubState Instance { get; } = new();
}

/// <param name="Connections">Connections registered now.</param>
/// <param name="Delivered">Frames queued to subscribers since the hub started.</param>
/// <param name="DroppedSlowSubscribers">Connections closed because their buffer was full.</param>
public sealed record NotificationHubState(int Connections, long Delivered, long DroppedSlowSubscribers);
