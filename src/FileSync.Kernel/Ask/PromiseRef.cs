namespace FileSync.Kernel;

/// <summary>The temporary sender of an ask: not an actor, just a reference whose first message completes a promise.</summary>
internal sealed class PromiseRef : IActorRef
{
    private static long s_counter;

    public PromiseRef() => Path = ActorPath.Root.Child("temp").Child("$ask" + Interlocked.Increment(ref s_counter));

    public ActorPath Path { get; }

    public TaskCompletionSource<object> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Tell(object message, IActorRef? sender = null) => Reply.TrySetResult(message);

    public override string ToString() => Path.ToString();
}
