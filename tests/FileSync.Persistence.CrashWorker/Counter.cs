using FileSync.Kernel;
using FileSync.Persistence;

namespace FileSync.Persistence.CrashWorker;

/// <summary>Asks the counter to persist the next number.</summary>
public sealed record Increment;

/// <summary>Answered once every earlier Increment has been handled (mailbox order).</summary>
public sealed record Sync;

/// <summary>The stored event: carries its own expected sequence number so the test can check the payload too.</summary>
public sealed record Incremented(long Value);

/// <summary>
/// Persists one event per Increment and prints "ack N" (flushed) only inside the persist handler, i.e. after
/// the journal reported the event durable. The test trusts exactly those lines.
/// </summary>
public sealed class Counter : ReceivePersistentActor
{
    private readonly string _id;
    private readonly bool _report;
    private long _value;

    /// <param name="report">Print "recovered"/"ack" lines (off for the warm-up counter).</param>
    public Counter(string id, bool report)
    {
        _id = id;
        _report = report;
        Recover<Incremented>(e => _value = e.Value);
        Command<Increment>(_ => Persist(new Incremented(_value + 1), e =>
        {
            _value = e.Value;
            Report($"ack {LastSequenceNr}");
        }));
        Command<Sync>(_ => Sender.Tell(_value, Self));
    }

    public override string PersistenceId => _id;

    protected override void OnRecoveryCompleted() => Report($"recovered {LastSequenceNr}");

    private void Report(string line)
    {
        if (!_report) return;
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}
