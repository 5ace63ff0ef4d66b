using FileSync.Kernel;
using FileSync.Persistence;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// <c>/user/synchronizers</c>, persistent (<see cref="PersistenceIdValue"/>): the ids of the synchronizers kept, newest
/// first, and which are still running; parent of one <see cref="SynchronizerActor"/> per synchronizer (started on
/// first use, so recovered lazily). After a restart it resumes every synchronizer that was running.
/// </summary>
public sealed class SynchronizersActor : ReceivePersistentActor
{
    public const string PersistenceIdValue = "storage-synchronizers";

    private readonly List<string> _ids = [];
    private readonly List<string> _running = [];
    private readonly ISynchronizerDrains? _drains;
    private readonly SynchronizerSettings _settings;

    /// <param name="drains">Null when the node has no storage link: creating answers <see cref="StorageLinkMissing"/>, existing synchronizers still answer.</param>
    public SynchronizersActor(ISynchronizerDrains? drains, SynchronizerSettings settings)
    {
        _drains = drains;
        _settings = settings;

        Recover<SnapshotOffer>(offer => Restore((SynchronizerListSnapshot)offer.Snapshot));
        Recover<ISynchronizerListEvent>(Apply);
        Command<CreateSynchronizer>(_ => OnCreate());
        Command<GetSynchronizer>(OnGet);
        Command<ListSynchronizers>(_ => Sender.Tell(new SynchronizerIds(_ids.ToList())));
        Command<SynchronizerEnded>(OnEnded);
    }

    public static Props Props(ISynchronizerDrains? drains, SynchronizerSettings settings) =>
        Kernel.Props.Create(() => new SynchronizersActor(drains, settings));

    public override string PersistenceId => PersistenceIdValue;

    protected override object? SnapshotState() => new SynchronizerListSnapshot(_ids.ToList(), _running.ToList());

    // A synchronizer whose actor fails is stopped; the next GET starts it again from its journal.
    protected override SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.StoppingStrategy;

    protected override void OnRecoveryCompleted()
    {
        // Interrupted synchronizers resume (or, interrupted too often, end in error) as soon as the node is back.
        foreach (var id in _running.ToList()) ChildFor(id).Tell(new RunSynchronizer(null));
    }

    private void OnCreate()
    {
        if (_running.Count > 0)
        {
            // Decided: a second POST while one runs answers the running one (the drains would have nothing new to do).
            // RunSynchronizer, not a plain get: a synchronizer whose actor had stopped (a failed write) resumes here.
            ChildFor(_running[0]).Tell(new RunSynchronizer(Sender));
            return;
        }
        if (_drains is null)
        {
            Sender.Tell(StorageLinkMissing.Instance);
            return;
        }
        var replyTo = Sender;
        var id = SynchronizerId.New().ToString();
        Persist(new SynchronizerListed(id), e =>
        {
            Apply(e);
            ChildFor(id).Tell(new RunSynchronizer(replyTo));
        });
        foreach (var old in Forgettable()) Persist(new SynchronizerForgotten(old), Forget);
    }

    /// <summary>Finished synchronizers beyond <see cref="SynchronizerSettings.MaxKept"/> (counting the one being created), oldest first.</summary>
    private List<string> Forgettable()
    {
        var excess = _ids.Count + 1 - Math.Max(1, _settings.MaxKept);
        return excess <= 0 ? [] : _ids.AsEnumerable().Reverse().Where(id => !_running.Contains(id)).Take(excess).ToList();
    }

    private void Forget(SynchronizerForgotten e)
    {
        Apply(e);
        if (SynchronizerId.TryParse(e.Id, out var id) && Context.Child(id.Value.ActorName) is { } child) Context.Stop(child);
    }

    private void OnGet(GetSynchronizer message)
    {
        // Compared in canonical form: the id may come with other GUID casing or a space for its '+'.
        var id = SynchronizerId.TryParse(message.Id, out var wanted) ? _ids.FirstOrDefault(i => i == wanted.Value.ToString()) : null;
        if (id is null) Sender.Tell(new SynchronizerNotFound(message.Id));
        else ChildFor(id).Forward(new GetSynchronizer(id), Context);
    }

    private void OnEnded(SynchronizerEnded message)
    {
        if (_running.Contains(message.Id)) Persist(new SynchronizerFinished(message.Id), Apply);
    }

    private IActorRef ChildFor(string text)
    {
        var id = SynchronizerId.TryParse(text, out var parsed) ? parsed.Value : throw new ArgumentException($"'{text}' is not a synchronizer id.", nameof(text));
        return Context.Child(id.ActorName) ?? Context.ActorOf(SynchronizerActor.Props(id, _drains, _settings), id.ActorName);
    }

    private void Apply(ISynchronizerListEvent @event)
    {
        switch (@event)
        {
            case SynchronizerListed e:
                _ids.Insert(0, e.Id);
                _running.Add(e.Id);
                break;
            case SynchronizerFinished e: _running.Remove(e.Id); break;
            case SynchronizerForgotten e:
                _ids.Remove(e.Id);
                _running.Remove(e.Id);
                break;
            default: throw new ArgumentException($"{@event.GetType().Name} is not an event of the synchronizer list.", nameof(@event));
        }
    }

    private void Restore(SynchronizerListSnapshot snapshot)
    {
        _ids.Clear();
        _ids.AddRange(snapshot.Ids);
        _running.Clear();
        _running.AddRange(snapshot.Running);
    }
}
