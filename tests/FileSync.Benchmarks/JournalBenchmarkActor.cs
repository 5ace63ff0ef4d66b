using FileSync.Kernel;
using FileSync.Persistence;

namespace FileSync.Benchmarks;

/// <summary>Persist one event, then answer the sender with its sequence number.</summary>
public sealed record JournalBenchRecord(int Value);

/// <summary>The event the benchmark persists (about 30 bytes of JSON, like a small domain event).</summary>
public sealed record JournalBenchRecorded(int Value, string Note);

/// <summary>A persistent actor that persists one event per command and replies after it is durable.</summary>
public sealed class JournalBenchActor : ReceivePersistentActor
{
    private readonly string _id;

    public JournalBenchActor(string id)
    {
        _id = id;
        Recover<JournalBenchRecorded>(_ => { });
        Command<JournalBenchRecord>(cmd =>
        {
            var requester = Sender;
            Persist(new JournalBenchRecorded(cmd.Value, "bench"), _ => requester.Tell(LastSequenceNr, Self));
        });
    }

    public override string PersistenceId => _id;
}
