using FileSync.Kernel;

namespace FileSync.Sync.Outgoing;

/// <summary>Tells the parent how a run ended. The parent stops the child once it has recorded this.</summary>
public sealed record RunCompleted(Guid RunId, IReadOnlyList<WorkOutcome> Outcomes);

/// <summary>
/// One running synchronization (a work, or a batch of small files) towards one destination: a child of its
/// <see cref="DestinationActor"/>. It runs <see cref="FileSyncRunner"/> once and reports <see cref="RunCompleted"/>.
/// Failures never escape as exceptions to the parent's state: they are in the report and the work is retried.
/// </summary>
public sealed class FileSyncActor : ReceiveActor
{
    private sealed record Go;

    private readonly Guid _runId;
    private readonly IReadOnlyList<SynchronizationWork> _works;
    private readonly Func<IReadOnlyList<SynchronizationWork>, CancellationToken, Task<IReadOnlyList<WorkOutcome>>> _run;
    private readonly TimeSpan _timeout;

    public FileSyncActor(Guid runId, IReadOnlyList<SynchronizationWork> works,
        Func<IReadOnlyList<SynchronizationWork>, CancellationToken, Task<IReadOnlyList<WorkOutcome>>> run, TimeSpan timeout)
    {
        _runId = runId;
        _works = works;
        _run = run;
        _timeout = timeout;
        ReceiveAsync<Go>(_ => RunAsync());
    }

    public static Props Props(Guid runId, IReadOnlyList<SynchronizationWork> works,
        Func<IReadOnlyList<SynchronizationWork>, CancellationToken, Task<IReadOnlyList<WorkOutcome>>> run, TimeSpan timeout) =>
        Kernel.Props.Create(() => new FileSyncActor(runId, works, run, timeout));

    protected override void PreStart() => Self.Tell(new Go());

    private async Task RunAsync()
    {
        using var timeout = new CancellationTokenSource(_timeout);
        var outcomes = await _run(_works, timeout.Token).ConfigureAwait(true);
        Context.Parent.Tell(new RunCompleted(_runId, outcomes), Self);
    }
}
