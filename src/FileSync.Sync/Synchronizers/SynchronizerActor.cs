using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// One storage synchronizer, persistent (<see cref="SynchronizerId.PersistenceId"/>): the push, then the pull,
/// each a drain of <see cref="ISynchronizerDrains"/>. Every state change is an event; the drains run outside the
/// mailbox, so GET answers while a phase runs. A phase interrupted by a crash runs again when the parent resumes
/// it (drains are idempotent), at most <see cref="SynchronizerSettings.MaxAttempts"/> times, then it is an error.
/// Publishes <see cref="SynchronizerStarted"/> on creation and <see cref="SynchronizerCompleted"/> at the end.
/// </summary>
public sealed class SynchronizerActor : ReceivePersistentActor
{
    private sealed record PhaseEnded(SynchronizerPhase Phase, PhaseVerdict Verdict);

    private readonly SynchronizerRecord _record;
    private readonly ISynchronizerDrains? _drains;
    private readonly SynchronizerSettings _settings;
    private bool _running;

    /// <param name="drains">Null when the node has no storage link (any phase to run then ends in error).</param>
    public SynchronizerActor(SynchronizerId id, ISynchronizerDrains? drains, SynchronizerSettings settings)
    {
        _record = new SynchronizerRecord(id);
        _drains = drains;
        _settings = settings;

        Recover<ISynchronizerEvent>(_record.Apply);
        Command<RunSynchronizer>(OnRun);
        Command<PhaseEnded>(OnPhaseEnded);
        Command<GetSynchronizer>(_ => Sender.Tell(_record.ToView()));
    }

    public static Props Props(SynchronizerId id, ISynchronizerDrains? drains, SynchronizerSettings settings) =>
        Kernel.Props.Create(() => new SynchronizerActor(id, drains, settings));

    public override string PersistenceId => _record.Id.PersistenceId;

    private void OnRun(RunSynchronizer message)
    {
        if (!_record.Exists)
        {
            Persist(new SynchronizerCreated(_record.Id.ToString(), DateTimeOffset.UtcNow), _record.Apply);
            Persist(new PushTriggered(1), e =>
            {
                _record.Apply(e);
                var view = _record.ToView();
                message.ReplyTo?.Tell(view);
                Context.System.EventStream.Publish(new SynchronizerStarted(view));
                Run(SynchronizerPhase.Push);
            });
            return;
        }
        message.ReplyTo?.Tell(_record.ToView());
        if (_record.Finished) Context.Parent.Tell(new SynchronizerEnded(_record.Id.ToString()));
        else if (!_running) Resume(_record.CurrentPhase!.Value);
    }

    /// <summary>The phase was running when the node stopped: start it again, unless it already failed to finish too often.</summary>
    private void Resume(SynchronizerPhase phase)
    {
        var attempts = _record.Attempts(phase);
        if (attempts >= _settings.MaxAttempts)
        {
            _running = true;
            Self.Tell(new PhaseEnded(phase, new PhaseVerdict(
                $"The {Name(phase)} was interrupted {attempts} times (the node stopped while it ran) and was not started again.", [])));
            return;
        }
        Context.Log.Info($"Storage synchronizer {_record.Id}: resuming the {Name(phase)} interrupted by a restart (attempt {attempts + 1}).");
        Persist<ISynchronizerEvent>(phase == SynchronizerPhase.Push ? new PushTriggered(attempts + 1) : new PullTriggered(attempts + 1), e =>
        {
            _record.Apply(e);
            Run(phase);
        });
    }

    private void OnPhaseEnded(PhaseEnded message)
    {
        _running = false;
        var verdict = message.Verdict;
        ISynchronizerEvent ended = (message.Phase, verdict.Error) switch
        {
            (SynchronizerPhase.Push, null) => new PushCompleted(verdict.Conflicts),
            (SynchronizerPhase.Push, { } reason) => new PushFailed(reason),
            (_, null) => new PullCompleted(verdict.Conflicts),
            (_, { } reason) => new PullFailed(reason),
        };
        if (verdict.Error is not null)
            Context.Log.Warning($"Storage synchronizer {_record.Id}: the {Name(message.Phase)} ended in error: {verdict.Error}");
        if (message.Phase == SynchronizerPhase.Push)
        {
            Persist(ended, _record.Apply);
            // The pull runs even after a failed push: what the remote has can still come here (the whole is an error anyway).
            Persist(new PullTriggered(1), e =>
            {
                _record.Apply(e);
                Run(SynchronizerPhase.Pull);
            });
            return;
        }
        Persist(ended, e =>
        {
            _record.Apply(e);
            Context.System.EventStream.Publish(new SynchronizerCompleted(_record.ToView()));
            Context.Parent.Tell(new SynchronizerEnded(_record.Id.ToString()));
        });
    }

    /// <summary>Starts the drain of <paramref name="phase"/> outside the mailbox; its end comes back as <see cref="PhaseEnded"/>.</summary>
    private void Run(SynchronizerPhase phase)
    {
        _running = true;
        var self = Self;
        var drains = _drains;
        var timeout = _settings.EffectivePhaseTimeout;
        _ = Task.Run(async () =>
        {
            PhaseVerdict verdict;
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                if (drains is null) throw new InvalidOperationException("The node has no storage link configured (filesync.storage.file-system is empty).");
                DestinationSyncResult result = phase == SynchronizerPhase.Push
                    ? await drains.PushAsync(cts.Token).ConfigureAwait(false)
                    : await drains.PullAsync(cts.Token).ConfigureAwait(false);
                verdict = PhaseVerdict.Of(result);
            }
            catch (Exception e)
            {
                verdict = PhaseVerdict.Of(e);
            }
            self.Tell(new PhaseEnded(phase, verdict));
        });
    }

    private static string Name(SynchronizerPhase phase) => phase == SynchronizerPhase.Push ? "push" : "pull";
}
