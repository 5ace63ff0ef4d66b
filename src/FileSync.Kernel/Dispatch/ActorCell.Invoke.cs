namespace FileSync.Kernel.Dispatch;

/// <summary>Running user messages, including async handlers that hold the mailbox until they finish.</summary>
internal sealed partial class ActorCell
{
    private ValueTask _pending;
    private bool _hasPending;

    // Bumped on restart so completions and continuations of an abandoned incarnation are ignored.
    private int _incarnation;

    private void InvokeUser(Envelope envelope)
    {
        var message = envelope.Message;
        if (message is IAutoReceivedMessage && !TryUnwrapAutoReceived(ref message)) return;

        _current = new Envelope(message, envelope.Sender);
        try
        {
            var work = _actor!.InvokeAroundReceive(message);
            if (work.IsCompleted) work.GetAwaiter().GetResult();
            else BeginPending(work);
        }
#pragma warning disable CA1031 // every failure of a handler goes to the supervisor
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex, message);
        }

        if (_receiveTimeout is not null && _state == CellState.Running) ScheduleReceiveTimeout();
    }

    /// <summary>Handles kernel messages; returns false when nothing is left for the behaviour.</summary>
    private bool TryUnwrapAutoReceived(ref object message)
    {
        switch (message)
        {
            case PoisonPill:
                BeginStop();
                return false;
            case Terminated terminated:
                return _watching.Remove(terminated.ActorRef);
            case TimerFired fired:
                if (!Timers.TryAccept(fired)) return false;
                message = fired.Message;
                return true;
            case ReceiveTimeoutFired fired:
                if (fired.Generation != _receiveTimeoutGeneration || _receiveTimeout is null) return false;
                message = ReceiveTimeout.Instance;
                return true;
            default:
                return true;
        }
    }

    /// <summary>Holds user messages back until <paramref name="work"/> completes; its completion comes back as a system message.</summary>
    private void BeginPending(ValueTask work)
    {
        _pending = work;
        _hasPending = true;
        var incarnation = _incarnation;
        work.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => SendSystem(new PendingCompleted(incarnation)));
    }

    private void OnPendingCompleted(int incarnation)
    {
        if (incarnation != _incarnation || !_hasPending) return;
        var work = _pending;
        _pending = default;
        _hasPending = false;
        try
        {
            work.GetAwaiter().GetResult();
            if (_state == CellState.Starting) _state = CellState.Running;
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (_state == CellState.Starting) Fail(new ActorInitializationException($"PreStart of {Self.Path} failed: {ex.Message}", ex), null);
            else Fail(ex, _current.Message);
        }

        if (_state == CellState.Stopping) TryFinishStop();
        else if (_receiveTimeout is not null && _state == CellState.Running) ScheduleReceiveTimeout();
    }

    private void RunContinuation(RunContinuation run)
    {
        try
        {
            run.Callback(run.State);
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex, _current.Message);
        }
    }
}
