using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Notifications;

namespace FileSync.Sync.Outgoing;

/// <summary>What a <see cref="DestinationActor"/> works with.</summary>
/// <param name="MaxPerDestination">Reads the file system's limit (config document, else HOCON) at each pass.</param>
public sealed record DestinationDependencies(
    NodeFileSystems Store,
    IDestinationClient Client,
    OutgoingSettings Settings,
    Func<CancellationToken, Task<int>> MaxPerDestination);

/// <summary>
/// One (local file system → destination) pair, persistent (<see cref="DestinationKey.PersistenceId"/>): the FIFO
/// pending queue, the runs holding slots (never more than the limit), failed works awaiting a retry, and the
/// ETag the destination has confirmed. Every change is an event (<see cref="IDestinationEvent"/>); after a
/// crash the works that were running go back to the front of the queue.
/// </summary>
public sealed class DestinationActor : ReceivePersistentActor
{
    private sealed record StartRuns(IActorRef? ReplyTo, bool Drain);
    private sealed record StartFile(SynchronizationWork Work, IActorRef ReplyTo);
    private sealed record ConfirmProgress;
    private sealed record RunWaiter(IActorRef ReplyTo, HashSet<Guid> Runs, List<SynchronizationReport> Reports);
    private sealed record StartDrain(IActorRef ReplyTo);
    // A drain answers once nothing is pending or running, with the reports of every run that finished meanwhile.
    private sealed record DrainWaiter(IActorRef ReplyTo, List<SynchronizationReport> Reports);

    private readonly DestinationKey _key;
    private readonly SynchronizationDestination _destination;
    private readonly DestinationDependencies _deps;
    private readonly DestinationQueue _queue = new();
    private readonly Dictionary<IActorRef, Guid> _children = [];
    private readonly List<RunWaiter> _runWaiters = [];
    private readonly List<DrainWaiter> _drainWaiters = [];
    private readonly List<(SynchronizationWork Work, IActorRef ReplyTo)> _fileWaiters = [];
    // Works asked for by start/{fileName}: they take the next free slot before the queue.
    private readonly List<SynchronizationWork> _priority = [];
    private int _max;
    // Set by background passes and forceSyncingAll: a freed slot starts the next pending work.
    private bool _drain;
    // The last pass stopped at MaxChangesPerPass and a follow-up pass lists the rest: a drain is not over yet.
    private bool _listingContinues;
    private readonly SynchronizationPublisher _publisher;

    public DestinationActor(string fileSystem, SynchronizationDestination destination, DestinationDependencies deps)
    {
        _key = DestinationKey.For(fileSystem, destination);
        _destination = destination;
        _deps = deps;
        _max = Math.Max(1, deps.Settings.MaxPerDestination);
        _publisher = new SynchronizationPublisher(Context.System.EventStream);

        Recover<SnapshotOffer>(offer => _queue.Restore((DestinationSnapshot)offer.Snapshot));
        Recover<IDestinationEvent>(_queue.Apply);

        CommandAsync<SynchronizeDestination>(OnSynchronizeAsync);
        CommandAsync<BackgroundPass>(_ => OnBackgroundPassAsync());
        CommandAsync<SynchronizeFile>(OnSynchronizeFileAsync);
        CommandAsync<SynchronizeUntilDrained>(_ => OnDrainAsync());
        Command<StartDrain>(OnStartDrain);
        Command<StartRuns>(OnStartRuns);
        Command<StartFile>(OnStartFile);
        Command<RunCompleted>(OnRunCompleted);
        Command<ConfirmProgress>(_ => Confirm());
        Command<Terminated>(OnChildTerminated);
        Command<GetDestinationState>(_ => Sender.Tell(State()));
    }

    public static Props Props(string fileSystem, SynchronizationDestination destination, DestinationDependencies deps) =>
        Kernel.Props.Create(() => new DestinationActor(fileSystem, destination, deps));

    public override string PersistenceId => _key.PersistenceId;

    protected override object? SnapshotState() => _queue.ToSnapshot();

    // A run's failure is reported by the run itself; an escaped exception just stops that child (recorded as a failure).
    protected override SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.StoppingStrategy;

    protected override void OnRecoveryCompleted()
    {
        _queue.RequeueInterruptedRuns();
        // Interrupted works run again as soon as the node is back, not at the next interval.
        if (_queue.Pending.Count > 0) Self.Tell(new StartRuns(null, Drain: true));
    }

    private string DestinationUrl => _destination.FileSystemUrl;

    private async Task OnSynchronizeAsync(SynchronizeDestination message)
    {
        var replyTo = Sender;
        if (await TryPassAsync(replyTo).ConfigureAwait(true)) Self.Tell(new StartRuns(replyTo, message.ForceSyncingAll));
    }

    /// <summary>A drain: a pass, then every pending work runs as slots free; the answer comes when the queue is empty.</summary>
    private async Task OnDrainAsync()
    {
        var replyTo = Sender;
        if (await TryPassAsync(replyTo).ConfigureAwait(true)) Self.Tell(new StartDrain(replyTo));
    }

    /// <summary>A pass for a caller waiting on its result: a failed pass answers <paramref name="replyTo"/> with the failure (false).</summary>
    private async Task<bool> TryPassAsync(IActorRef replyTo)
    {
        try
        {
            await PassAsync().ConfigureAwait(true);
            return true;
        }
        catch (Exception e)
        {
            replyTo.Tell(new DestinationSyncResult(_destination.NormalizedServerUrl, _destination.FileSystem, null, ReportedException.From(e)));
            return false;
        }
    }

    private void OnStartDrain(StartDrain message)
    {
        _drain = true;
        StartWhatFits(replyTo: null);
        if (Drained) message.ReplyTo.Tell(DrainResult([]));
        else _drainWaiters.Add(new DrainWaiter(message.ReplyTo, []));
    }

    private bool Drained => _queue.Pending.Count == 0 && _queue.RunCount == 0 && !_listingContinues;

    private DestinationSyncResult DrainResult(List<SynchronizationReport> reports) =>
        new(_destination.NormalizedServerUrl, _destination.FileSystem, reports.Count == 0 ? null : reports, null);

    private void AnswerDrains(WorkFinished? finished)
    {
        if (finished is not null)
            foreach (var waiter in _drainWaiters) waiter.Reports.AddRange(finished.Outcomes.Select(o => o.Report).OfType<SynchronizationReport>());
        if (!Drained) return;
        foreach (var waiter in _drainWaiters) waiter.ReplyTo.Tell(DrainResult(waiter.Reports));
        _drainWaiters.Clear();
    }

    private async Task OnBackgroundPassAsync()
    {
        try
        {
            await PassAsync().ConfigureAwait(true);
        }
        catch (Exception e)
        {
            Context.Log.Warning($"Synchronization pass of {_key.FileSystem} to {DestinationUrl} failed: {e.Message}; failed works stay queued for the next pass.");
        }
        Self.Tell(new StartRuns(null, Drain: true));
    }

    /// <summary>
    /// Learns the destination on first contact, re-queues failed works, lists local changes above what was
    /// listed (skipping those that came from the destination) and persists what to enqueue.
    /// </summary>
    private async Task PassAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        // Cleared first: a pass that fails must not leave a drain waiting for a follow-up that never comes.
        _listingContinues = false;
        _max = await _deps.MaxPerDestination(ct).ConfigureAwait(true);

        var after = _queue.ListedUpTo;
        var destinationId = _queue.DestinationServerId;
        if (destinationId is null)
        {
            var last = await _deps.Client.GetLastSynchronizationAsync(ct).ConfigureAwait(true);
            var lastEtag = Etags.TryParse(last.LastSourceFileEtag, out var parsed) ? parsed : 0;
            destinationId = last.DestinationServerId;
            after = Math.Max(after, lastEtag);
            Persist(new DestinationIdentified(last.DestinationServerId, lastEtag), _queue.Apply);
        }

        // Failed works run again; conflicted ones are re-checked (a resolution on the destination lets them through).
        foreach (var owed in _queue.Failed.Concat(_queue.Conflicted).ToList()) Persist(new WorkEnqueued(owed), ApplyAndAnnounce);

        var listed = 0;
        var cursor = after;
        while (listed < _deps.Settings.MaxChangesPerPass)
        {
            var page = await _deps.Store.ListChangesAsync(_key.FileSystem, cursor, _deps.Settings.PageSize, ct).ConfigureAwait(true);
            foreach (var change in page)
            {
                cursor = Math.Max(cursor, change.Etag);
                listed++;
                // No echo: a version that came from the destination is not sent back to it.
                if (change.Version?.ServerId == destinationId) continue;
                var work = SynchronizationWork.For(change);
                if (_queue.Accepts(work)) Persist(new WorkEnqueued(work), ApplyAndAnnounce);
            }
            if (page.Count < _deps.Settings.PageSize) break;
        }
        if (cursor > after) Persist(new ChangesListed(cursor), _queue.Apply);
        _listingContinues = listed >= _deps.Settings.MaxChangesPerPass;
        if (_listingContinues) Self.Tell(BackgroundPass.Instance);
        Self.Tell(new ConfirmProgress());
    }

    private async Task OnSynchronizeFileAsync(SynchronizeFile message)
    {
        var replyTo = Sender;
        FileChange? entry;
        try
        {
            entry = await _deps.Store.GetEntryAsync(_key.FileSystem, message.FileName).ConfigureAwait(true);
        }
        catch (Exception e)
        {
            replyTo.Tell(SynchronizationReport.NoContent(message.FileName, null, SynchronizationType.Unknown, ReportedException.From(e)));
            return;
        }
        if (entry is null)
        {
            replyTo.Tell(SynchronizationReport.NoContent(message.FileName, null, SynchronizationType.Unknown,
                ReportedException.Synchronization($"File {message.FileName} does not exist in file system {_key.FileSystem}")));
            return;
        }
        var work = SynchronizationWork.For(entry);
        if (_queue.Accepts(work)) Persist(new WorkEnqueued(work), ApplyAndAnnounce);
        Self.Tell(new StartFile(work, replyTo));
    }

    private void OnStartFile(StartFile message)
    {
        _fileWaiters.Add((message.Work, message.ReplyTo));
        if (_queue.Active.Any(w => w.SameAs(message.Work))) return;
        if (!_priority.Any(w => w.SameAs(message.Work))) _priority.Add(message.Work);
        StartWhatFits(replyTo: null);
    }

    private void OnStartRuns(StartRuns message)
    {
        if (message.Drain) _drain = true;
        StartWhatFits(message.ReplyTo);
        // A follow-up pass that found nothing more to run ends a drain waiting for it.
        AnswerDrains(finished: null);
    }

    /// <summary>Starts priority works, then queued runs, while slots are free; the runs started answer <paramref name="replyTo"/>.</summary>
    private void StartWhatFits(IActorRef? replyTo)
    {
        var free = _max - _queue.RunCount;
        var started = new List<IReadOnlyList<SynchronizationWork>>();
        var busy = DestinationQueue.FilesTouched(_queue.Active);
        foreach (var work in _priority.ToList())
        {
            if (free - started.Count <= 0) break;
            if (busy.Contains(work.FileName)) continue;
            _priority.Remove(work);
            started.Add([work]);
            busy.UnionWith(DestinationQueue.FilesTouched([work]));
        }
        var remaining = free - started.Count;
        if (remaining > 0)
        {
            var planned = _queue.PlanRuns(remaining, _deps.Settings.SmallFileLimit, _deps.Settings.MaxBatchFiles);
            started.AddRange(planned.Select(run => (IReadOnlyList<SynchronizationWork>)run.Where(w => !busy.Contains(w.FileName)).ToList()).Where(run => run.Count > 0));
        }

        var runIds = new HashSet<Guid>();
        foreach (var works in started)
        {
            var runId = Guid.NewGuid();
            runIds.Add(runId);
            Persist(new WorkStarted(runId, works), e =>
            {
                ApplyAndAnnounce(e);
                var child = Context.ActorOf(FileSyncActor.Props(e.RunId, e.Works, RunAsync, _deps.Settings.EffectiveRunTimeout), $"run-{e.RunId:N}");
                Context.Watch(child);
                _children[child] = e.RunId;
            });
        }
        if (replyTo is null) return;
        if (runIds.Count == 0)
            replyTo.Tell(new DestinationSyncResult(_destination.NormalizedServerUrl, _destination.FileSystem, null, null));
        else
            _runWaiters.Add(new RunWaiter(replyTo, runIds, []));
    }

    private Task<IReadOnlyList<WorkOutcome>> RunAsync(IReadOnlyList<SynchronizationWork> works, CancellationToken ct) =>
        new FileSyncRunner(_deps.Store, _deps.Client, _key.FileSystem).RunAsync(works, ct);

    private void OnRunCompleted(RunCompleted message)
    {
        var child = Sender;
        if (!_queue.IsRunning(message.RunId)) return;
        Persist(new WorkFinished(message.RunId, message.Outcomes), e =>
        {
            ApplyAndAnnounce(e);
            if (_children.Remove(child))
            {
                Context.Unwatch(child);
                Context.Stop(child);
            }
            Answer(e);
            Self.Tell(new ConfirmProgress());
            if (_drain || _priority.Count > 0) StartWhatFits(replyTo: null);
            AnswerDrains(e);
            if (_queue.Pending.Count == 0 && _queue.RunCount == 0) _drain = false;
        });
    }

    /// <summary>A run's actor stopped without reporting (it crashed or timed out): all its works failed and are retried.</summary>
    private void OnChildTerminated(Terminated message)
    {
        if (!_children.Remove(message.ActorRef, out var runId) || !_queue.IsRunning(runId)) return;
        var failure = ReportedException.Synchronization("The synchronization stopped before it reported (it failed or timed out); it will be retried");
        var outcomes = _queue.RunWorks(runId)
            .Select(w => new WorkOutcome(w, SynchronizationReport.NoContent(w.FileName, w.FileETag, w.Type, failure), Retry: true))
            .ToList();
        Self.Tell(new RunCompleted(runId, outcomes));
    }

    private void Answer(WorkFinished finished)
    {
        foreach (var waiter in _runWaiters.Where(w => w.Runs.Remove(finished.RunId)).ToList())
        {
            waiter.Reports.AddRange(finished.Outcomes.Select(o => o.Report).OfType<SynchronizationReport>());
            if (waiter.Runs.Count > 0) continue;
            _runWaiters.Remove(waiter);
            // Runs that did nothing (the destination already had everything) report nothing: null, as when nothing started.
            waiter.ReplyTo.Tell(new DestinationSyncResult(_destination.NormalizedServerUrl, _destination.FileSystem,
                waiter.Reports.Count == 0 ? null : waiter.Reports, null));
        }
        foreach (var outcome in finished.Outcomes)
        {
            foreach (var waiter in _fileWaiters.Where(w => w.Work.SameAs(outcome.Work)).ToList())
            {
                _fileWaiters.Remove(waiter);
                // No report means nothing was done: the destination already had this version (or a newer change superseded it).
                waiter.ReplyTo.Tell(outcome.Report ?? SynchronizationReport.NoContent(outcome.Work.FileName, outcome.Work.FileETag,
                    outcome.Work.Type, ReportedException.Synchronization(WorkTypeDecision.HadInPast)));
            }
        }
    }

    // Notification subscribers see Enqueue/Start/Finish as they are persisted; recovery applies events without announcing them.
    private void ApplyAndAnnounce(IDestinationEvent e)
    {
        _queue.Apply(e);
        _publisher.Outgoing(_key.FileSystem, DestinationUrl, e);
    }

    private void Confirm()
    {
        var confirmed = _queue.ComputeConfirmed();
        if (confirmed > _queue.Confirmed) Persist(new DestinationConfirmed(confirmed), _queue.Apply);
    }

    private DestinationState State() => new(
        _destination,
        _queue.Active.Select(w => w.ToDetails(DestinationUrl)).ToList(),
        _queue.Pending.Select(w => w.ToDetails(DestinationUrl)).ToList(),
        _queue.Finished.ToList(),
        _queue.RunCount,
        _max,
        _queue.ListedUpTo,
        _queue.Confirmed);
}
