namespace FileSync.Kernel;

/// <summary>Conveniences on <see cref="IActorRef"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>Passes <paramref name="message"/> on to <paramref name="target"/> keeping the original sender
    /// of the message being processed by <paramref name="context"/>.</summary>
    public static void Forward(this IActorRef target, object message, IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        target.Tell(message, context.Sender);
    }
}
