namespace FileSync.Kernel;

/// <summary>The system's dead-letter office: whatever is told to it is published as a <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLetterRef(ActorSystem system) : IActorRef
{
    public ActorPath Path { get; } = ActorPath.Root.Child("deadLetters");

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        system.PublishDeadLetter(message as DeadLetter ?? new DeadLetter(message, sender ?? ActorRefs.Nobody, this));
    }

    public override string ToString() => Path.ToString();
}
