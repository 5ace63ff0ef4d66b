namespace FileSync.Kernel;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>Use as the sender when there is none; replies then go to dead letters.</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>A reference that silently drops everything; stands for "no actor" where null is not wanted.</summary>
    public static IActorRef Nobody { get; } = new NobodyRef();

    private sealed class NobodyRef : IActorRef
    {
        public ActorPath Path { get; } = ActorPath.Root.Child("nobody");

        public void Tell(object message, IActorRef? sender = null)
        {
        }

        public override string ToString() => Path.ToString();
    }
}
