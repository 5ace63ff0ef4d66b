using System.Collections.Concurrent;

namespace FileSync.Kernel.Dispatch;

/// <summary>The mailbox: a lock-free user queue, a system queue that goes first, and an atomic "scheduled" flag
/// so at most one thread-pool work item runs this actor at a time. Each turn processes at most
/// <c>throughput</c> user messages and then yields, so busy actors cannot starve others.</summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int SystemMessagesPerTurn = 1000;

    private readonly ConcurrentQueue<Envelope> _userQueue = new();
    private readonly ConcurrentQueue<SystemMessage> _systemQueue = new();
    private readonly ActorSynchronizationContext _syncContext;
    private readonly int _throughput;

    // Messages put back by Unstash: they go before everything still in the user queue. Actor thread only.
    private Queue<Envelope> _unstashed = new();
    private int _scheduled;

    internal int MailboxDepth => _userQueue.Count + _unstashed.Count;

    private bool CanProcessUser => _state == CellState.Running && !_hasPending;

    internal void EnqueueUser(Envelope envelope)
    {
        if (_state == CellState.Terminated)
        {
            System.DeadLetter(envelope, Self);
            return;
        }

        _userQueue.Enqueue(envelope);
        ScheduleIfIdle();
    }

    internal void SendSystem(SystemMessage message)
    {
        _systemQueue.Enqueue(message);
        ScheduleIfIdle();
    }

    /// <summary>Puts messages back at the front of the mailbox, in the given order, ahead of earlier unstashed ones.</summary>
    internal void Prepend(IReadOnlyCollection<Envelope> envelopes)
    {
        if (envelopes.Count == 0) return;
        var front = new Queue<Envelope>(envelopes.Count + _unstashed.Count);
        foreach (var e in envelopes) front.Enqueue(e);
        foreach (var e in _unstashed) front.Enqueue(e);
        _unstashed = front;
    }

    private void ScheduleIfIdle()
    {
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>One turn of the mailbox on a thread-pool thread.</summary>
    public void Execute()
    {
        var previousContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        try
        {
            ProcessSystemMessages();
            for (var budget = _throughput; budget > 0 && CanProcessUser && TryDequeueUser(out var envelope); budget--)
            {
                InvokeUser(envelope);
                if (!_systemQueue.IsEmpty) ProcessSystemMessages();
            }

            if (_state == CellState.Terminated) DrainToDeadLetters();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
            Volatile.Write(ref _scheduled, 0);
            if (HasWork()) ScheduleIfIdle();
        }
    }

    private bool HasWork()
    {
        if (!_systemQueue.IsEmpty) return true;
        if (CanProcessUser) return _unstashed.Count > 0 || !_userQueue.IsEmpty;
        return _state == CellState.Terminated && !_userQueue.IsEmpty;
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_unstashed.Count > 0)
        {
            envelope = _unstashed.Dequeue();
            return true;
        }

        return _userQueue.TryDequeue(out envelope);
    }

    private void ProcessSystemMessages()
    {
        for (var i = 0; i < SystemMessagesPerTurn && _systemQueue.TryDequeue(out var message); i++)
        {
            try
            {
                HandleSystem(message);
            }
#pragma warning disable CA1031 // a kernel bug in one actor must not kill the thread pool thread
            catch (Exception ex)
#pragma warning restore CA1031
            {
                System.PublishError(Self.Path.ToString(), $"Kernel error while handling {message.GetType().Name}: {ex.Message}", ex);
            }
        }
    }

    private void HandleSystem(SystemMessage message)
    {
        switch (message)
        {
            case RunContinuation run: RunContinuation(run); break;
            case PendingCompleted done: OnPendingCompleted(done.Incarnation); break;
            case Create: CreateIncarnation(restartCause: null); break;
            case Terminate: BeginStop(); break;
            case Failed failed: OnChildFailed(failed); break;
            case ChildTerminated terminated: OnChildTerminated(terminated.Child); break;
            case WatchRequest watch: AddWatcher(watch.Watcher); break;
            case UnwatchRequest unwatch: _watchers.Remove(unwatch.Watcher); break;
            case Resume: OnResume(); break;
            case Restart restart: BeginRestart(restart.Cause); break;
            default: throw new InvalidOperationException($"Unknown system message {message}.");
        }
    }

    private void DrainToDeadLetters()
    {
        while (TryDequeueUser(out var envelope)) System.DeadLetter(envelope, Self);
    }
}
