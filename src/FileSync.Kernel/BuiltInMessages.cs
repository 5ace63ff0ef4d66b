namespace FileSync.Kernel;

/// <summary>Messages the kernel handles itself before (or instead of) the actor's behaviour.</summary>
internal interface IAutoReceivedMessage;

/// <summary>Replies that carry an outcome rather than a value; an ask turns a <see cref="Failure"/> into an exception.</summary>
public static class Status
{
    public sealed record Success(object? Status);

    public sealed record Failure(Exception Cause);
}

/// <summary>Sent to a watcher when an actor it watches has stopped (after its <c>PostStop</c>).</summary>
public sealed record Terminated(IActorRef ActorRef) : IAutoReceivedMessage;

/// <summary>Stops the receiving actor once the messages queued before it are processed.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    public static PoisonPill Instance { get; } = new();

    public override string ToString() => nameof(PoisonPill);
}

/// <summary>Delivered when no message arrived within the time set by <see cref="IActorContext.SetReceiveTimeout"/>.</summary>
public sealed class ReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    public static ReceiveTimeout Instance { get; } = new();

    public override string ToString() => nameof(ReceiveTimeout);
}
