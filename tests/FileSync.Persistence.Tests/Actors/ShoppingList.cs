using FileSync.Kernel;
using FileSync.Persistence.Serialization;

namespace FileSync.Persistence.Tests.Actors;

// A small persistent actor the behavioural suite drives: a list of items, one event per added item.

public sealed record AddItem(string Item);

public sealed record AddItems(IReadOnlyList<string> Items);

public sealed record GetList;

public sealed record TakeSnapshot;

public sealed record DeleteEventsUpTo(long SequenceNr);

public sealed record ItemAdded(string Item);

public sealed record ListSnapshot(List<string> Items);

/// <summary>What the actor knows; <see cref="ItemCountSeenByEachCommand"/> proves commands never ran during a pending write.</summary>
public sealed record ListState(
    IReadOnlyList<string> Items,
    long LastSequenceNr,
    long? RecoveredFromSnapshotAt,
    int EventsReplayed,
    bool RecoveryCompleted,
    IReadOnlyList<int> ItemCountSeenByEachCommand);

public sealed class ShoppingList : ReceivePersistentActor
{
    private readonly string _id;
    private readonly List<string> _items = [];
    private readonly List<int> _seenByCommands = [];
    private long? _snapshotAt;
    private int _replayed;
    private bool _recovered;
    private readonly bool _offerSnapshots;
    private IActorRef? _waiting;

    /// <param name="offerSnapshots">Offer the state for automatic snapshots (snapshot-every).</param>
    public ShoppingList(string id, bool offerSnapshots = false)
    {
        _id = id;
        _offerSnapshots = offerSnapshots;

        Recover<SnapshotOffer>(offer =>
        {
            _items.AddRange(((ListSnapshot)offer.Snapshot).Items);
            _snapshotAt = offer.Metadata.SequenceNr;
        });
        Recover<ItemAdded>(e =>
        {
            _items.Add(e.Item);
            _replayed++;
        });

        Command<AddItem>(cmd =>
        {
            _seenByCommands.Add(_items.Count);
            var requester = Sender;
            Persist(new ItemAdded(cmd.Item), e =>
            {
                _items.Add(e.Item);
                requester.Tell(LastSequenceNr, Self);
            });
        });
        Command<AddItems>(cmd =>
        {
            _seenByCommands.Add(_items.Count);
            var requester = Sender;
            var remaining = cmd.Items.Count;
            PersistAll(cmd.Items.Select(i => new ItemAdded(i)), e =>
            {
                _items.Add(e.Item);
                if (--remaining == 0) requester.Tell(LastSequenceNr, Self);
            });
        });
        Command<GetList>(_ => Sender.Tell(new ListState(_items.ToList(), LastSequenceNr, _snapshotAt, _replayed, _recovered, _seenByCommands.ToList()), Self));
        Command<TakeSnapshot>(_ =>
        {
            _waiting = Sender;
            SaveSnapshot(new ListSnapshot(_items.ToList()));
        });
        Command<SaveSnapshotSuccess>(s => _waiting?.Tell(s.Metadata.SequenceNr, Self));
        Command<DeleteEventsUpTo>(cmd =>
        {
            _waiting = Sender;
            DeleteMessages(cmd.SequenceNr);
        });
        Command<DeleteMessagesSuccess>(s => _waiting?.Tell(s.ToSequenceNr, Self));
    }

    public override string PersistenceId => _id;

    protected override void OnRecoveryCompleted() => _recovered = true;

    protected override object? SnapshotState() => _offerSnapshots ? new ListSnapshot(_items.ToList()) : null;

    public static EventSerializer Serializer() =>
        new EventSerializer()
            .Register<ItemAdded>("test.item-added")
            .Register<ListSnapshot>("test.list-snapshot");
}
