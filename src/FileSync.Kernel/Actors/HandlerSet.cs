namespace FileSync.Kernel;

/// <summary>The ordered <c>Receive&lt;T&gt;</c> handlers of one <see cref="ReceiveActor"/> behaviour; the first match wins.</summary>
internal sealed class HandlerSet : Behavior
{
    private readonly List<Handler> _handlers = [];

    public void Add(Handler handler) => _handlers.Add(handler);

    public override bool TryHandle(object message, out Task? work)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message, out work)) return true;
        }

        work = null;
        return false;
    }
}

internal abstract class Handler
{
    public abstract bool TryHandle(object message, out Task? work);
}

internal sealed class SyncHandler<T>(Func<T, bool>? predicate, Action<T> action) : Handler
{
    public override bool TryHandle(object message, out Task? work)
    {
        work = null;
        if (message is not T typed || (predicate is not null && !predicate(typed))) return false;
        action(typed);
        return true;
    }
}

internal sealed class AsyncHandler<T>(Func<T, bool>? predicate, Func<T, Task> action) : Handler
{
    public override bool TryHandle(object message, out Task? work)
    {
        work = null;
        if (message is not T typed || (predicate is not null && !predicate(typed))) return false;
        work = action(typed);
        return true;
    }
}
