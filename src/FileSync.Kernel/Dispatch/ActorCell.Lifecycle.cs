namespace FileSync.Kernel.Dispatch;

/// <summary>Start, restart and stop. Stop and restart wait for the children they stopped, so a parent's
/// <c>PostStop</c> always runs after all of its children's.</summary>
internal sealed partial class ActorCell
{
    private volatile CellState _state = CellState.Created;
    private Exception? _restartCause;
    private object? _failedMessage;
    private bool _failedByEscalation;

    internal CellState State => _state;

    private void CreateIncarnation(Exception? restartCause)
    {
        if (_state != CellState.Created) return;
        ActorBase actor;
        t_creating = this;
        try
        {
            actor = Props.Factory();
        }
#pragma warning disable CA1031
        catch (Exception thrown)
#pragma warning restore CA1031
        {
            // new TActor() in generic code wraps constructor exceptions; report the real one.
            var ex = thrown is global::System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : thrown;
            Fail(new ActorInitializationException($"Creating {Self.Path} ({Props.ActorType.Name}) failed: {ex.Message}", ex), null);
            return;
        }
        finally
        {
            t_creating = null;
        }

        if (actor is null || !ReferenceEquals(actor.Cell, this))
        {
            Fail(new ActorInitializationException(
                $"The Props factory of {Self.Path} must return a new {Props.ActorType.Name} each call; it returned {(actor is null ? "null" : "an instance made elsewhere")}."), null);
            return;
        }

        _actor = actor;
        actor.CompleteConstruction();
        if (actor is IWithTimers withTimers) withTimers.Timers = Timers;
        _state = CellState.Starting;
        try
        {
            if (restartCause is not null) actor.InvokeAroundPostRestart(restartCause);
            var start = actor.InvokeAroundPreStart();
            if (start.IsCompleted)
            {
                start.GetAwaiter().GetResult();
                _state = CellState.Running;
            }
            else
            {
                BeginPending(start);
            }
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(new ActorInitializationException($"PreStart of {Self.Path} failed: {ex.Message}", ex), null);
        }
    }

    /// <summary>Suspends this actor and asks the parent what to do (or, for escalations, fails on behalf of a child).</summary>
    internal void Fail(Exception cause, object? failedMessage, ActorCell? escalatedFrom = null)
    {
        if (_state is CellState.Stopping or CellState.Terminated)
        {
            System.PublishError(Self.Path.ToString(), $"{Self.Path} failed while stopping: {cause.Message}", cause);
            return;
        }

        _state = CellState.Suspended;
        _failedMessage = failedMessage;
        _failedByEscalation = escalatedFrom is not null;
        if (_parent is null)
        {
            System.PublishError(Self.Path.ToString(), $"The root actor failed: {cause.Message}; stopping the system.", cause);
            BeginStop();
            return;
        }

        _parent.SendSystem(new Failed(this, cause));
    }

    private void OnResume()
    {
        if (_state != CellState.Suspended) return;
        if (_actor is null)
        {
            // Nothing to resume when the instance could not even be made.
            BeginStop();
            return;
        }

        _state = CellState.Running;
        if (_failedByEscalation)
        {
            _failedByEscalation = false;
            foreach (var child in _children.Values) child.SendSystem(new Resume());
        }
    }

    private void BeginRestart(Exception cause)
    {
        if (_state is CellState.Stopping or CellState.Terminated or CellState.Restarting) return;
        var failedMessage = _failedMessage;
        _failedMessage = null;
        _failedByEscalation = false;
        _incarnation++;
        _hasPending = false;
        _pending = default;
        if (_actor is { } old)
        {
            try
            {
                old.InvokeAroundPreRestart(cause, failedMessage);
            }
#pragma warning disable CA1031
            catch (Exception ex)
#pragma warning restore CA1031
            {
                System.PublishError(Self.Path.ToString(), $"PreRestart of {Self.Path} failed: {ex.Message}", ex);
            }
        }

        _actor = null;
        Timers.CancelAll();
        CancelReceiveTimeout();
        Stash.UnstashAll();
        _restartCause = cause;
        _state = CellState.Restarting;
        TryFinishRestart();
    }

    private void TryFinishRestart()
    {
        if (_state != CellState.Restarting || _children.Values.Any(c => c.StopRequested)) return;
        var cause = _restartCause!;
        _restartCause = null;
        _state = CellState.Created;
        CreateIncarnation(cause);
    }

    private void BeginStop()
    {
        if (_state is CellState.Stopping or CellState.Terminated) return;
        _state = CellState.Stopping;

        // Pairs with the check in CreateChild: a child added concurrently is either seen here or stops itself.
        Interlocked.MemoryBarrier();
        Timers.CancelAll();
        CancelReceiveTimeout();
        foreach (var child in _children.Values) StopChild(child);
        TryFinishStop();
    }

    private void TryFinishStop()
    {
        if (_state == CellState.Stopping && _children.IsEmpty && !_hasPending) FinishStop();
    }

    private void FinishStop()
    {
        if (_actor is { } actor)
        {
            try
            {
                actor.InvokeAroundPostStop();
            }
#pragma warning disable CA1031
            catch (Exception ex)
#pragma warning restore CA1031
            {
                System.PublishError(Self.Path.ToString(), $"PostStop of {Self.Path} failed: {ex.Message}", ex);
            }
        }

        _state = CellState.Terminated;
        Stash.DiscardToDeadLetters();
        DrainToDeadLetters();
        UnwatchAll();
        NotifyWatchers();
        System.EventStream.Unsubscribe(Self);
        if (_parent is null) System.OnRootTerminated();
        else _parent.SendSystem(new ChildTerminated(this));
    }

    private void OnChildTerminated(ActorCell child)
    {
        _children.TryRemove(new KeyValuePair<string, ActorCell>(child.Name, child));
        if (_state == CellState.Restarting) TryFinishRestart();
        else if (_state == CellState.Stopping) TryFinishStop();
    }
}
