namespace FileSync.Kernel;

/// <summary>System-wide publish/subscribe by type: a subscriber to <c>T</c> gets every published event assignable
/// to <c>T</c>. Actor subscribers get events as messages; delegate subscribers are called synchronously on the
/// publishing thread (so they must be quick and thread-safe). Stopped actors are unsubscribed automatically.</summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private Subscription[] _subscriptions = [];

    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    public bool Subscribe(IActorRef subscriber, Type eventType)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(eventType);
        lock (_gate)
        {
            if (_subscriptions.Any(s => ReferenceEquals(s.Actor, subscriber) && s.EventType == eventType)) return false;
            _subscriptions = [.. _subscriptions, new Subscription(eventType, subscriber, null)];
            return true;
        }
    }

    /// <summary>Calls <paramref name="handler"/> for each published <typeparamref name="T"/> until the result is disposed.</summary>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(typeof(T), null, e => handler((T)e));
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return new Unsubscriber(this, subscription);
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public bool Unsubscribe(IActorRef subscriber) => RemoveWhere(s => ReferenceEquals(s.Actor, subscriber));

    public bool Unsubscribe<T>(IActorRef subscriber) => RemoveWhere(s => ReferenceEquals(s.Actor, subscriber) && s.EventType == typeof(T));

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var s in Volatile.Read(ref _subscriptions))
        {
            if (!s.EventType.IsInstanceOfType(@event)) continue;
            if (s.Actor is not null) s.Actor.Tell(@event);
            else InvokeSafely(s.Handler!, @event);
        }
    }

    private static void InvokeSafely(Action<object> handler, object @event)
    {
        try
        {
            handler(@event);
        }
#pragma warning disable CA1031 // one broken listener must not break publishing for everyone else
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private bool RemoveWhere(Func<Subscription, bool> match)
    {
        lock (_gate)
        {
            if (!_subscriptions.Any(match)) return false;
            var kept = _subscriptions.Where(s => !match(s)).ToArray();
            if (kept.Length == _subscriptions.Length) return false;
            _subscriptions = kept;
            return true;
        }
    }

    private sealed record Subscription(Type EventType, IActorRef? Actor, Action<object>? Handler);

    private sealed class Unsubscriber(EventStream stream, Subscription subscription) : IDisposable
    {
        public void Dispose() => stream.RemoveWhere(s => ReferenceEquals(s, subscription));
    }
}
