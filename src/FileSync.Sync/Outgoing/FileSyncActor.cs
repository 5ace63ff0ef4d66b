using FileSync.Kernel;

namespace FileSync.Sync.Outgoing;

/// <summary>Tells the parent how a run ended. The parent stops the child once it has recorded this.</summary>
public sealed record RunCompleted(Guid RunId, IReadOnlyList<WorkOutcome> Outcomes);

/// <summary>
/// One running synchronization (a work, or a batch of small files) towards one destination: a child of its
/// <see cref="DestinationActor"/>. The transfer runs off the mailbox (so stopping the actor cancels it at once)
/// and its outcome comes back as a message, then goes to the parent as <see cref="RunCompleted"/>. A failure that
/// escapes the runner fails this actor; the parent's strategy stops it and records the run as failed.
/// </summary>
public sealed class FileSyncActor : ReceiveActor
{
    private sealed record Finished(IReadOnlyList<WorkOutcome> Outcomes);
    private sealed record Crashed(Exception Cause);

    private readonly Guid _runId;
    private readonly IReadOnlyList<SynchronizationWork> _works;
    private readonly Func<IReadOnlyList<SynchronizationWork>, CancellationToken, Task<IReadOnlyList<WorkOutcome>>> _run;
    private readonly CancellationTokenSource _cancel = new();

    public FileSyncActor(Guid runId, IReadOnlyList<SynchronizationWork> works,
        Func<IReadOnlyList<SynchronizationWork>, CancellationToken, Task<IReadOnlyList<WorkOutcome>>> run, TimeSpan timeout)
    {
        _runId = runId;
        _works = works;
        _run = run;
        _cancel.CancelAfter(timeout);
        Receive<Finished>(m => Context.Parent.Tell(new RunCompleted(_runId, m.Outcomes), Self));
        Receive<Crashed>(m => throw new InvalidOperationException($"The synchronization run {_runId:N} failed: {m.Cause.Message}", m.Cause));
    }

    public static Props Props(Guid runId, IReadOnlyList<SynchronizationWork> works,
        Func<IReadOnlyList<SynchronizationWork>, CancellationToken, Task<IReadOnlyList<WorkOutcome>>> run, TimeSpan timeout) =>
        Kernel.Props.Create(() => new FileSyncActor(runId, works, run, timeout));

    protected override void PreStart() => _ = RunDetachedAsync(Self, _cancel.Token);

    protected override void PostStop()
    {
        _cancel.Cancel();
        _cancel.Dispose();
    }

    private async Task RunDetachedAsync(IActorRef self, CancellationToken ct)
    {
        try
        {
            self.Tell(new Finished(await _run(_works, ct).ConfigureAwait(false)));
        }
        catch (Exception e)
        {
            self.Tell(new Crashed(e));
        }
    }
}
