using FileSync.Kernel;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// The source side of synchronization as the HTTP facade uses it: triggers (<c>ToDestinations</c>,
/// <c>ToDestination</c>, <c>start/{fileName}</c>) and the Finished/Active/Pending lists. Everything goes
/// through <c>/user/destinations</c>, so HTTP triggers and background passes share one limit per destination.
/// </summary>
public sealed class OutgoingSynchronization
{
    public const string ActorName = "destinations";

    /// <summary>How long an HTTP trigger waits for the works it started (big files take a while).</summary>
    private static readonly TimeSpan TriggerTimeout = TimeSpan.FromHours(2);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(60);

    private readonly NodeFileSystems _store;

    private OutgoingSynchronization(NodeFileSystems store, IActorRef destinations)
    {
        _store = store;
        Destinations = destinations;
    }

    /// <summary>The <see cref="DestinationsActor"/>.</summary>
    public IActorRef Destinations { get; }

    /// <summary>
    /// Starts <c>/user/destinations</c> on <paramref name="system"/> (persistence must be registered on it, with
    /// <see cref="DestinationEventManifests.RegisterDestinationEvents"/> applied to its serializer).
    /// </summary>
    /// <param name="sourceUrl">This node's public URL, sent to destinations.</param>
    public static OutgoingSynchronization Start(ActorSystem system, NodeFileSystems store, IDestinationClientFactory clients,
        OutgoingSettings settings, string sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(store);
        var serverId = store.ServerId;
        var actor = system.ActorOf(DestinationsActor.Props(store, clients, settings, fs => new SourceIdentity(serverId, sourceUrl.TrimEnd('/'), fs)), ActorName);
        return new OutgoingSynchronization(store, actor);
    }

    /// <summary>The file system's configured destinations (enabled or not); throws <see cref="FileSystemNotFoundException"/> for an unknown one.</summary>
    public async Task<IReadOnlyList<SynchronizationDestination>> GetDestinationsAsync(string fileSystem, CancellationToken ct = default)
    {
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        return ConfigDocuments.ParseDestinations(await _store.GetConfigAsync(fileSystem, ConfigDocuments.Destinations, ct).ConfigureAwait(false));
    }

    /// <summary>ToDestinations: one result per enabled destination, in configuration order, all worked on at once.</summary>
    public async Task<IReadOnlyList<DestinationSyncResult>> SynchronizeDestinationsAsync(string fileSystem, bool forceSyncingAll, CancellationToken ct = default)
    {
        var destinations = (await GetDestinationsAsync(fileSystem, ct).ConfigureAwait(false)).Where(d => d.Enabled).ToList();
        var results = await Task.WhenAll(destinations.Select(d => SynchronizeAsync(fileSystem, d, forceSyncingAll, ct))).ConfigureAwait(false);
        return results;
    }

    /// <summary>ToDestination: the configured destination whose server URL matches (trailing slash and case ignored); null when none does.</summary>
    public async Task<DestinationSyncResult?> SynchronizeDestinationAsync(string fileSystem, string serverUrl, bool forceSyncingAll, CancellationToken ct = default)
    {
        var wanted = serverUrl.TrimEnd('/');
        var destinations = await GetDestinationsAsync(fileSystem, ct).ConfigureAwait(false);
        var destination = destinations.FirstOrDefault(d => d.Enabled && string.Equals(d.NormalizedServerUrl, wanted, StringComparison.OrdinalIgnoreCase))
            ?? destinations.FirstOrDefault(d => string.Equals(d.NormalizedServerUrl, wanted, StringComparison.OrdinalIgnoreCase));
        if (destination is null) return null;
        if (!destination.Enabled)
            return new DestinationSyncResult(destination.NormalizedServerUrl, destination.FileSystem, null,
                ReportedException.Synchronization($"Destination {destination.FileSystemUrl} is disabled in {ConfigDocuments.Destinations}"));
        return await SynchronizeAsync(fileSystem, destination, forceSyncingAll, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// start/{fileName}: synchronizes one file to any destination (configured or not) now, within that destination's
    /// limit. A tombstone synchronizes the delete or rename; a name never used throws <see cref="StoredFileNotFoundException"/>.
    /// </summary>
    public async Task<SynchronizationReport> SynchronizeFileAsync(string fileSystem, string fileName, SynchronizationDestination destination, CancellationToken ct = default)
    {
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        if (await _store.GetEntryAsync(fileSystem, fileName, ct).ConfigureAwait(false) is null) throw new StoredFileNotFoundException(fileSystem, fileName);
        return await Destinations.Ask<SynchronizationReport>(new ToDestination(fileSystem, destination, new SynchronizeFile(fileName)), TriggerTimeout, ct)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Drains the file system to <paramref name="destination"/> (configured or not): every local change since the
    /// ETag it confirmed goes through that pair's <see cref="DestinationActor"/> (same limit, conflict rules, no
    /// echo); answers when nothing is pending or running. A destination that cannot be reached is the result's
    /// <c>Exception</c>; throws <see cref="FileSystemNotFoundException"/> for an unknown file system.
    /// </summary>
    public async Task<DestinationSyncResult> DrainAsync(string fileSystem, SynchronizationDestination destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        try
        {
            return await Destinations.Ask<DestinationSyncResult>(
                new ToDestination(fileSystem, destination, SynchronizeUntilDrained.Instance), TriggerTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DestinationSyncResult(destination.NormalizedServerUrl, destination.FileSystem, null, ReportedException.From(e));
        }
    }

    /// <summary>The state of each destination of the file system (Active, Pending, Finished, figures).</summary>
    public async Task<IReadOnlyList<DestinationState>> GetStatesAsync(string fileSystem, CancellationToken ct = default)
    {
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        return await Destinations.Ask<List<DestinationState>>(new GetFileSystemStates(fileSystem), QueryTimeout, ct).ConfigureAwait(false);
    }

    public async Task<ListPage<SynchronizationReport>> FinishedAsync(string fileSystem, int start, int pageSize, CancellationToken ct = default) =>
        ListPage<SynchronizationReport>.Of((await GetStatesAsync(fileSystem, ct).ConfigureAwait(false)).SelectMany(s => s.Finished).ToList(), start, pageSize);

    public async Task<ListPage<SynchronizationDetails>> ActiveAsync(string fileSystem, int start, int pageSize, CancellationToken ct = default) =>
        ListPage<SynchronizationDetails>.Of((await GetStatesAsync(fileSystem, ct).ConfigureAwait(false)).SelectMany(s => s.Active).ToList(), start, pageSize);

    public async Task<ListPage<SynchronizationDetails>> PendingAsync(string fileSystem, int start, int pageSize, CancellationToken ct = default) =>
        ListPage<SynchronizationDetails>.Of((await GetStatesAsync(fileSystem, ct).ConfigureAwait(false)).SelectMany(s => s.Pending).ToList(), start, pageSize);

    private async Task<DestinationSyncResult> SynchronizeAsync(string fileSystem, SynchronizationDestination destination, bool forceSyncingAll, CancellationToken ct)
    {
        try
        {
            return await Destinations.Ask<DestinationSyncResult>(
                new ToDestination(fileSystem, destination, new SynchronizeDestination(forceSyncingAll)), TriggerTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DestinationSyncResult(destination.NormalizedServerUrl, destination.FileSystem, null, ReportedException.From(e));
        }
    }

    private async Task RequireFileSystemAsync(string fileSystem, CancellationToken ct)
    {
        if (!await _store.FileSystemExistsAsync(fileSystem, ct).ConfigureAwait(false)) throw new FileSystemNotFoundException(fileSystem);
    }
}
