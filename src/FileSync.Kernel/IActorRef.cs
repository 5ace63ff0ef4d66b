namespace FileSync.Kernel;

/// <summary>The only handle other code has on an actor: send it messages, know where it lives.</summary>
public interface IActorRef
{
    ActorPath Path { get; }

    /// <summary>Queues <paramref name="message"/> for the actor; never blocks, never throws for a stopped actor
    /// (the message becomes a dead letter instead).</summary>
    void Tell(object message, IActorRef? sender = null);
}
