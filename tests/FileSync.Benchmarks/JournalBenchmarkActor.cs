using FileSync.Kernel;
using FileSync.Persistence;

namespace FileSync.Benchmarks;

/// <summary>Persist <paramref name="Count"/> events one after another, then answer the sender with the last sequence number.</summary>
public sealed record JournalBenchRun(int Count);

/// <summary>The event the benchmark persists (about 30 bytes of JSON, like a small domain event).</summary>
public sealed record JournalBenchRecorded(int Value, string Note);

/// <summary>
/// A persistent actor that persists sequentially: each event's handler asks for the next one (a message to itself),
/// so every Persist waits for its own durable commit and nothing outside the actor sits in the loop.
/// </summary>
public sealed class JournalBenchActor : ReceivePersistentActor
{
    private readonly string _id;
    private int _remaining;
    private IActorRef? _requester;

    public JournalBenchActor(string id)
    {
        _id = id;
        Recover<JournalBenchRecorded>(_ => { });
        Command<JournalBenchRun>(run =>
        {
            _requester = Sender;
            _remaining = run.Count;
            PersistNext();
        });
        Command<Next>(_ => PersistNext());
    }

    public override string PersistenceId => _id;

    private void PersistNext() => Persist(new JournalBenchRecorded(_remaining, "bench"), _ =>
    {
        if (--_remaining > 0) Self.Tell(Next.Instance, Self);
        else _requester?.Tell(LastSequenceNr, Self);
    });

    private sealed class Next
    {
        public static readonly Next Instance = new();
    }
}
