namespace FileSync.Kernel;

/// <summary>An actor whose behaviour is a list of typed handlers, declared in the constructor (or inside
/// <see cref="Become"/>/<see cref="BecomeStacked"/>). The first handler whose type and predicate match wins.
/// Async handlers keep one-message-at-a-time: the next message waits until the handler's task completes.</summary>
public abstract class ReceiveActor : ActorBase
{
    private HandlerSet? _configuring;

    protected ReceiveActor()
    {
        _configuring = new HandlerSet();
        SetInitialBehavior(_configuring);
    }

    protected void Receive<T>(Action<T> handler) => Add(new SyncHandler<T>(null, handler ?? throw new ArgumentNullException(nameof(handler))));

    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new SyncHandler<T>(predicate, handler));
    }

    protected void ReceiveAsync<T>(Func<T, Task> handler) => Add(new AsyncHandler<T>(null, handler ?? throw new ArgumentNullException(nameof(handler))));

    protected void ReceiveAsync<T>(Func<T, bool> predicate, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(predicate, handler));
    }

    /// <summary>Handles every message that earlier handlers did not; put it last.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the current behaviour with the handlers <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure) => BecomeBehavior(Build(configure), discardOld: true);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the one before.</summary>
    protected void BecomeStacked(Action configure) => BecomeBehavior(Build(configure), discardOld: false);

    protected void UnbecomeStacked() => UnbecomeBehavior();

    internal override void CompleteConstruction() => _configuring = null;

    private HandlerSet Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        var set = new HandlerSet();
        _configuring = set;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }

        return set;
    }

    private void Add(Handler handler)
    {
        if (_configuring is null)
            throw new InvalidOperationException("Receive handlers can only be declared in the actor's constructor or inside Become/BecomeStacked.");
        _configuring.Add(handler);
    }
}
