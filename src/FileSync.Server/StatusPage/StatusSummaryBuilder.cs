using FileSync.Server.Hosting;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Outgoing;

namespace FileSync.Server.StatusPage;

/// <summary>
/// Computes <see cref="StatusSummary"/> from the node's services. Reads only; every file system is read on its own
/// so that one failing part (e.g. an actor not answering in time) shows as an error line, not as a broken page.
/// </summary>
public sealed class StatusSummaryBuilder(
    IFileSystems store,
    OutgoingSynchronization outgoing,
    IncomingSynchronization incoming,
    NodeRuntime runtime)
{
    /// <summary>Newest finished reports kept per destination (the queue keeps 200; the page needs a glance).</summary>
    public const int ReportsPerDestination = 10;

    /// <summary>Conflicts listed per file system; <see cref="FileSystemStatus.ConflictCount"/> still counts them all.</summary>
    public const int ConflictsShown = 100;

    public async Task<StatusSummary> BuildAsync(string serverUrl, CancellationToken ct)
    {
        var names = await store.ListFileSystemsAsync(ct).ConfigureAwait(false);
        var fileSystems = new List<FileSystemStatus>(names.Count);
        foreach (var name in names) fileSystems.Add(await FileSystemAsync(name, ct).ConfigureAwait(false));
        return new StatusSummary(serverUrl, runtime.ServerId, DateTimeOffset.UtcNow, fileSystems);
    }

    private async Task<FileSystemStatus> FileSystemAsync(string name, CancellationToken ct)
    {
        var errors = new List<string>();
        var (count, size) = await Attempt(errors, "files", () => CountFilesAsync(name, ct), (0L, 0L)).ConfigureAwait(false);
        var states = await Attempt<IReadOnlyList<DestinationState>>(errors, "destinations", () => outgoing.GetStatesAsync(name, ct), []).ConfigureAwait(false);
        var configured = await Attempt<IReadOnlyList<SynchronizationDestination>>(errors, "destinations", () => outgoing.GetDestinationsAsync(name, ct), []).ConfigureAwait(false);
        var conflicts = await Attempt(errors, "conflicts", () => incoming.ListConflictsAsync(name, 0, ConflictsShown, ct), new ListPage<ConflictItem>(0, [])).ConfigureAwait(false);
        return new FileSystemStatus(name, count, size, Destinations(configured, states), LastReports(states),
            conflicts.TotalCount, conflicts.Items, errors);
    }

    private async Task<(long Count, long Size)> CountFilesAsync(string name, CancellationToken ct)
    {
        var stats = await store.GetStatsAsync(name, ct).ConfigureAwait(false);
        return (stats.FileCount, stats.TotalSize);
    }

    /// <summary>Every configured destination (in configuration order), then any with work that is no longer configured.</summary>
    private static List<DestinationStatus> Destinations(IReadOnlyList<SynchronizationDestination> configured, IReadOnlyList<DestinationState> states)
    {
        var rows = configured.Select(d => Row(d, states.FirstOrDefault(s => s.Destination.SameTarget(d)))).ToList();
        rows.AddRange(states.Where(s => !configured.Any(d => d.SameTarget(s.Destination))).Select(s => Row(s.Destination, s)));
        return rows;
    }

    private static DestinationStatus Row(SynchronizationDestination destination, DestinationState? state) =>
        new(destination.NormalizedServerUrl, destination.FileSystem, destination.Enabled,
            state?.Active.Count ?? 0, state?.Pending.Count ?? 0, state?.MaxRuns);

    private static List<FinishedReport> LastReports(IReadOnlyList<DestinationState> states) =>
        states.SelectMany(s => s.Finished.Take(ReportsPerDestination).Select(r => new FinishedReport(s.Destination.FileSystemUrl, r))).ToList();

    private static async Task<T> Attempt<T>(List<string> errors, string part, Func<Task<T>> read, T fallback)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            errors.Add($"The {part} could not be read: {e.Message}");
            return fallback;
        }
    }
}
