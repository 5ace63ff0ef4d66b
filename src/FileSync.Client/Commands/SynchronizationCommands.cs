using System.Globalization;
using System.Net.Http.Json;
using FileSync.Client.Http;

namespace FileSync.Client;

/// <summary>
/// Synchronization of one file system (RavenFS's <c>Synchronization</c> commands): start it towards the
/// destinations or for one file, watch it (finished, active, pending, incoming), handle conflicts, and
/// read or change the destinations and the synchronization config.
/// </summary>
public sealed class SynchronizationCommands
{
    private readonly ServerConnection _connection;
    private readonly ConfigurationCommands _configuration;
    private readonly Func<string> _fileSystem;

    internal SynchronizationCommands(ServerConnection connection, ConfigurationCommands configuration, Func<string> fileSystem)
    {
        _connection = connection;
        _configuration = configuration;
        _fileSystem = fileSystem;
    }

    /// <summary>
    /// Synchronizes every file that needs it to every enabled destination and returns one result per
    /// destination. With <paramref name="forceSyncingAll"/>, each finished synchronization starts the next
    /// pending one (those later reports are not in the result).
    /// </summary>
    public async Task<DestinationSyncResult[]> StartAsync(bool forceSyncingAll, CancellationToken ct = default)
    {
        var url = $"{Routes.Synchronization(_fileSystem(), "ToDestinations")}?forceSyncingAll={Bool(forceSyncingAll)}";
        return await PostAsync<DestinationSyncResult[]>(url, content: null, ct).ConfigureAwait(false);
    }

    /// <summary>Synchronizes <paramref name="fileName"/> to one destination file system and returns its report.</summary>
    public async Task<SynchronizationReport> StartAsync(string fileName, SynchronizationDestination destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var url = $"{Routes.Synchronization(_fileSystem(), "start")}/{Routes.EscapeName(fileName)}";
        return await PostAsync<SynchronizationReport>(url, JsonContent.Create(destination, options: ServerConnection.Json), ct)
            .ConfigureAwait(false);
    }

    /// <summary>Synchronizes every file that needs it to the one configured destination on <paramref name="destinationServerUrl"/>.</summary>
    public async Task<DestinationSyncResult> StartToDestinationAsync(string destinationServerUrl, bool forceSyncingAll, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationServerUrl);
        var url = $"{Routes.Synchronization(_fileSystem(), "ToDestination")}?destination={Uri.EscapeDataString(destinationServerUrl)}&forceSyncingAll={Bool(forceSyncingAll)}";
        return await PostAsync<DestinationSyncResult>(url, content: null, ct).ConfigureAwait(false);
    }

    /// <summary>Reports of finished outgoing synchronizations, newest first.</summary>
    public Task<ItemList<SynchronizationReport>> GetFinishedAsync(int start = 0, int pageSize = 25, CancellationToken ct = default) =>
        GetPageAsync<SynchronizationReport>("Finished", start, pageSize, ct);

    /// <summary>Outgoing synchronizations running now.</summary>
    public Task<ItemList<SynchronizationDetails>> GetActiveAsync(int start = 0, int pageSize = 25, CancellationToken ct = default) =>
        GetPageAsync<SynchronizationDetails>("Active", start, pageSize, ct);

    /// <summary>Outgoing synchronizations waiting for a free slot.</summary>
    public Task<ItemList<SynchronizationDetails>> GetPendingAsync(int start = 0, int pageSize = 25, CancellationToken ct = default) =>
        GetPageAsync<SynchronizationDetails>("Pending", start, pageSize, ct);

    /// <summary>Reports of synchronizations this file system received from sources.</summary>
    public Task<ItemList<SynchronizationReport>> GetIncomingAsync(int start = 0, int pageSize = 25, CancellationToken ct = default) =>
        GetPageAsync<SynchronizationReport>("Incoming", start, pageSize, ct);

    /// <summary>Files in conflict on this file system.</summary>
    public Task<ItemList<ConflictItem>> GetConflictsAsync(int start = 0, int pageSize = 25, CancellationToken ct = default) =>
        GetPageAsync<ConflictItem>("Conflicts", start, pageSize, ct);

    /// <summary>Resolves the conflict on <paramref name="fileName"/>: keep this node's version, or take the remote one at the next synchronization.</summary>
    public async Task ResolveConflictAsync(string fileName, ConflictResolutionStrategy strategy, CancellationToken ct = default)
    {
        var url = $"{Routes.Synchronization(_fileSystem(), "ResolveConflict")}/{Routes.EscapeName(fileName)}?strategy={strategy}";
        using var request = new HttpRequestMessage(HttpMethod.Patch, url);
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>Resolves every conflict of this file system with the same strategy.</summary>
    public async Task ResolveConflictsAsync(ConflictResolutionStrategy strategy, CancellationToken ct = default)
    {
        var url = $"{Routes.Synchronization(_fileSystem(), "ResolveConflicts")}?strategy={strategy}";
        using var request = new HttpRequestMessage(HttpMethod.Patch, url);
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>What this (destination) file system last received from the source server <paramref name="sourceServerId"/>.</summary>
    public Task<SourceSynchronizationInformation> GetLastSynchronizationFromAsync(Guid sourceServerId, CancellationToken ct = default) =>
        _connection.GetJsonAsync<SourceSynchronizationInformation>(
            $"{Routes.Synchronization(_fileSystem(), "LastSynchronization")}?from={sourceServerId}", ct);

    /// <summary>The last report this file system received for <paramref name="fileName"/>, or null when none.</summary>
    public async Task<SynchronizationReport?> GetStatusAsync(string fileName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var url = $"{Routes.Synchronization(_fileSystem(), "Status")}?fileName={Uri.EscapeDataString(fileName)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<SynchronizationReport?>(ServerConnection.Json, ct).ConfigureAwait(false);
    }

    /// <summary>The configured destinations; empty when none are configured.</summary>
    public async Task<SynchronizationDestination[]> GetDestinationsAsync(CancellationToken ct = default)
    {
        var doc = await _configuration.GetKeyAsync<DestinationsDocument>(ConfigurationNames.SynchronizationDestinations, ct)
            .ConfigureAwait(false);
        return doc?.Destinations ?? [];
    }

    public Task SetDestinationsAsync(IEnumerable<SynchronizationDestination> destinations, CancellationToken ct = default) =>
        _configuration.SetKeyAsync(ConfigurationNames.SynchronizationDestinations,
            new DestinationsDocument { Destinations = destinations.ToArray() }, ct);

    /// <summary>The file system's synchronization config; the node's defaults when none was set.</summary>
    public async Task<SynchronizationConfig> GetConfigAsync(CancellationToken ct = default) =>
        await _configuration.GetKeyAsync<SynchronizationConfig>(ConfigurationNames.SynchronizationConfig, ct)
            .ConfigureAwait(false) ?? new SynchronizationConfig();

    public Task SetConfigAsync(SynchronizationConfig config, CancellationToken ct = default) =>
        _configuration.SetKeyAsync(ConfigurationNames.SynchronizationConfig, config, ct);

    private Task<ItemList<T>> GetPageAsync<T>(string list, int start, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return _connection.GetJsonAsync<ItemList<T>>(
            string.Create(CultureInfo.InvariantCulture, $"{Routes.Synchronization(_fileSystem(), list)}?start={start}&pageSize={pageSize}"), ct);
    }

    private async Task<T> PostAsync<T>(string url, HttpContent? content, CancellationToken ct)
    {
        // The node accepts an empty body for the ToDestinations routes, as curl -d "" sends it.
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content ?? new ByteArrayContent([]) };
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
        return await ServerConnection.ReadJsonAsync<T>(response, ct).ConfigureAwait(false);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private sealed record DestinationsDocument
    {
        public SynchronizationDestination[] Destinations { get; init; } = [];
    }
}
