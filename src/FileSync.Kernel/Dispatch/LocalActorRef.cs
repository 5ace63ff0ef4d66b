namespace FileSync.Kernel.Dispatch;

/// <summary>The reference to an actor of this process. One per actor, so reference equality is actor identity.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : IActorRef
{
    public ActorPath Path { get; } = path;

    internal ActorCell Cell { get; } = cell;

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is null) throw new ArgumentNullException(nameof(message), $"Tell to {Path} needs a message; null cannot be delivered.");
        Cell.EnqueueUser(new Envelope(message, sender));
    }

    public override string ToString() => Path.ToString();
}
