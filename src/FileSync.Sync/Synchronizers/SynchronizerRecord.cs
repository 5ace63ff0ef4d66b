namespace FileSync.Sync.Synchronizers;

/// <summary>
/// One synchronizer's state, changed only by applying its events (replay rebuilds it exactly).
/// Not thread-safe: it lives inside one <see cref="SynchronizerActor"/>.
/// </summary>
public sealed class SynchronizerRecord(SynchronizerId id)
{
    private readonly PhaseRecord _push = new();
    private readonly PhaseRecord _pull = new();

    public SynchronizerId Id { get; } = id;

    /// <summary>False until <see cref="SynchronizerCreated"/> is applied.</summary>
    public bool Exists { get; private set; }

    public bool Finished => Exists && _push.State != SynchronizerState.Triggered && _pull.State != SynchronizerState.Triggered;

    /// <summary>The phase to run next (or to resume after a crash); null when finished.</summary>
    public SynchronizerPhase? CurrentPhase =>
        !Exists || Finished ? null : _push.State == SynchronizerState.Triggered ? SynchronizerPhase.Push : SynchronizerPhase.Pull;

    /// <summary>How many times that phase was started.</summary>
    public int Attempts(SynchronizerPhase phase) => Of(phase).Attempts;

    public void Apply(ISynchronizerEvent @event)
    {
        switch (@event)
        {
            case SynchronizerCreated: Exists = true; break;
            case PushTriggered e: _push.Attempts = e.Attempt; break;
            case PushCompleted e: _push.Complete(e.Conflicts); break;
            case PushFailed e: _push.Fail(e.Reason); break;
            case PullTriggered e: _pull.Attempts = e.Attempt; break;
            case PullCompleted e: _pull.Complete(e.Conflicts); break;
            case PullFailed e: _pull.Fail(e.Reason); break;
            default: throw new ArgumentException($"{@event.GetType().Name} is not an event of a synchronizer.", nameof(@event));
        }
    }

    public SynchronizerView ToView()
    {
        var push = _push.ToView(Id.PushText);
        var pull = _pull.ToView(Id.PullText);
        var state = push.State == SynchronizerState.Error || pull.State == SynchronizerState.Error ? SynchronizerState.Error
            : push.State == SynchronizerState.Completed && pull.State == SynchronizerState.Completed ? SynchronizerState.Completed
            : SynchronizerState.Triggered;
        return new SynchronizerView(Id.ToString(), state, push, pull);
    }

    private PhaseRecord Of(SynchronizerPhase phase) => phase == SynchronizerPhase.Push ? _push : _pull;

    private sealed class PhaseRecord
    {
        public SynchronizerState State { get; private set; } = SynchronizerState.Triggered;
        public int Attempts { get; set; }
        private string? _error;
        private IReadOnlyList<string> _conflicts = [];

        public void Complete(IReadOnlyList<string> conflicts)
        {
            State = SynchronizerState.Completed;
            _conflicts = conflicts;
        }

        public void Fail(string reason)
        {
            State = SynchronizerState.Error;
            _error = reason;
        }

        public SynchronizerPhaseView ToView(string id) => new(id, State)
        {
            ErrorMessage = _error,
            Conflicts = _conflicts.Count == 0 ? null : _conflicts,
        };
    }
}
