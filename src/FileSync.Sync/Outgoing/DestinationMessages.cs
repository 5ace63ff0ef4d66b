using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// <c>ToDestinations</c> for one destination: run a pass, start as many works as free slots allow and answer
/// with their reports (<see cref="DestinationSyncResult"/>). With <paramref name="ForceSyncingAll"/> the rest
/// start as slots free (their reports are not in the answer).
/// </summary>
public sealed record SynchronizeDestination(bool ForceSyncingAll);

/// <summary><c>start/{fileName}</c>: synchronize that file now (ahead of the queue, within the limit); answers a <see cref="SynchronizationReport"/>.</summary>
public sealed record SynchronizeFile(string FileName);

/// <summary>
/// A drain (storage synchronizers): a pass, then works start as slots free until nothing is pending or running;
/// answers one <see cref="DestinationSyncResult"/> with the reports of every run that finished meanwhile
/// (<c>Reports</c> null when none reported anything). Failed works are not retried within the drain.
/// </summary>
public sealed record SynchronizeUntilDrained
{
    public static readonly SynchronizeUntilDrained Instance = new();
}

/// <summary>A background pass: list, enqueue, start works as slots free. No answer.</summary>
public sealed record BackgroundPass
{
    public static readonly BackgroundPass Instance = new();
}

/// <summary>Asks for a <see cref="DestinationState"/>.</summary>
public sealed record GetDestinationState
{
    public static readonly GetDestinationState Instance = new();
}

/// <summary>What a destination is doing, for the Active/Pending/Finished routes and for tests.</summary>
/// <param name="Finished">Newest first.</param>
/// <param name="RunningRuns">Slots in use.</param>
public sealed record DestinationState(
    SynchronizationDestination Destination,
    IReadOnlyList<SynchronizationDetails> Active,
    IReadOnlyList<SynchronizationDetails> Pending,
    IReadOnlyList<SynchronizationReport> Finished,
    int RunningRuns,
    int MaxRuns,
    long ListedUpTo,
    long Confirmed);
