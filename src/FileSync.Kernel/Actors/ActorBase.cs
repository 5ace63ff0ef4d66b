using FileSync.Kernel.Dispatch;

namespace FileSync.Kernel;

/// <summary>The base of every actor. Subclasses handle messages by overriding <see cref="Receive"/>, or more
/// comfortably by deriving from <see cref="ReceiveActor"/>. Instances are made only by the kernel, from a
/// <see cref="Props"/> factory; a restart makes a new instance.</summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private readonly List<Behavior> _behaviors = new(2);

    protected ActorBase()
    {
        _cell = ActorCell.CurrentlyCreating ?? throw new InvalidOperationException(
            $"{GetType().Name} cannot be created with 'new' directly; start it with ActorOf(Props.Create(...)).");
        _behaviors.Add(new DelegateBehavior(Receive));
    }

    internal ActorCell Cell => _cell;

    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message (dead letters when none); stays right across awaits in handlers.</summary>
    protected IActorRef Sender => _cell.Sender;

    protected IActorContext Context => _cell;

    /// <summary>This actor's stash; always available. Survives restarts (stashed messages go back to the mailbox
    /// front on restart) and is sent to dead letters on stop.</summary>
    protected IStash Stash => _cell.Stash;

    /// <summary>The bottom behaviour of a plain <see cref="ActorBase"/>: return whether the message was handled.</summary>
    protected virtual bool Receive(object message) => false;

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the old instance before a restart. By default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.Children) _cell.Stop(child);
        PostStop();
    }

    /// <summary>Called on the new instance after a restart, just before <see cref="AroundPreStart"/> (which calls <see cref="PreStart"/>).</summary>
    protected virtual void PostRestart(Exception reason)
    {
    }

    /// <summary>Called when no behaviour handled a message. An unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated) throw new DeathPactException(terminated.ActorRef);
        _cell.System.PublishUnhandled(new UnhandledMessage(message, _cell.Sender, Self));
    }

    /// <summary>How this actor supervises its children (unless its Props carry a strategy).</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.DefaultStrategy;

    /// <summary>Extension point run when an incarnation starts. The mailbox processes no user message until the
    /// returned task completes (persistence recovers here). Default: <see cref="PreStart"/>.</summary>
    protected virtual ValueTask AroundPreStart()
    {
        PreStart();
        return default;
    }

    /// <summary>Extension point around every user message. While the returned task is incomplete no other user
    /// message of this actor runs; awaits resume inside the mailbox so <see cref="Sender"/> and
    /// <see cref="Context"/> stay valid. A throw or faulted task is a failure for the supervisor.
    /// Default: <see cref="Dispatch"/>.</summary>
    protected virtual ValueTask AroundReceive(object message) => Dispatch(message);

    protected virtual void AroundPostStop() => PostStop();

    protected virtual void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    protected virtual void AroundPostRestart(Exception reason) => PostRestart(reason);

    /// <summary>Runs the current behaviour for <paramref name="message"/> (calling <see cref="Unhandled"/> when nothing
    /// matches) and returns the handler's task for async handlers, a completed one otherwise.</summary>
    protected ValueTask Dispatch(object message)
    {
        if (!_behaviors[^1].TryHandle(message, out var work))
        {
            Unhandled(message);
            return default;
        }

        return work is null || work.IsCompletedSuccessfully ? default : new ValueTask(work);
    }

    internal void BecomeBehavior(Behavior behavior, bool discardOld)
    {
        // The bottom (initial) behaviour is never replaced, so Unbecome can always return to it.
        if (discardOld && _behaviors.Count > 1) _behaviors[^1] = behavior;
        else _behaviors.Add(behavior);
    }

    internal void UnbecomeBehavior()
    {
        if (_behaviors.Count > 1) _behaviors.RemoveAt(_behaviors.Count - 1);
    }

    /// <summary>Replaces the bottom behaviour; used by <see cref="ReceiveActor"/> for its constructor handlers.</summary>
    internal void SetInitialBehavior(Behavior behavior) => _behaviors[0] = behavior;

    /// <summary>Called by the kernel right after the factory returned.</summary>
    internal virtual void CompleteConstruction()
    {
    }

    internal ValueTask InvokeAroundPreStart() => AroundPreStart();

    internal ValueTask InvokeAroundReceive(object message) => AroundReceive(message);

    internal void InvokeAroundPostStop() => AroundPostStop();

    internal void InvokeAroundPreRestart(Exception reason, object? message) => AroundPreRestart(reason, message);

    internal void InvokeAroundPostRestart(Exception reason) => AroundPostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
