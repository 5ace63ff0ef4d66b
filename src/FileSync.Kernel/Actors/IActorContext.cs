namespace FileSync.Kernel;

/// <summary>What an actor may do from inside its own message handling. Not thread-safe: use it only from the
/// actor's handlers and life-cycle hooks (including after an <c>await</c> that kept the default context).</summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; dead letters when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor; <see cref="ActorRefs.Nobody"/> for the root.</summary>
    IActorRef Parent { get; }

    ActorSystem System { get; }

    Props Props { get; }

    /// <summary>Logs to the event stream and to Microsoft.Extensions.Logging, tagged with this actor's path.</summary>
    ActorLog Log { get; }

    /// <summary>Starts a child. Names are unique among siblings (until the sibling has fully stopped);
    /// a null name gets a generated <c>$…</c> one.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The child with that name, or null.</summary>
    IActorRef? Child(string name);

    IReadOnlyList<IActorRef> Children { get; }

    /// <summary>Stops a child, or this actor itself (after the current message), or any other local actor.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> when <paramref name="subject"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef subject);

    void Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour with a plain handler that returns whether it handled the message.</summary>
    void Become(Func<object, bool> receive);

    /// <summary>Pushes a behaviour; <see cref="Unbecome"/> returns to the previous one.</summary>
    void BecomeStacked(Func<object, bool> receive);

    void Unbecome();

    /// <summary>Sends <see cref="ReceiveTimeout"/> after this long without messages; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    ActorSelection ActorSelection(string path);
}
