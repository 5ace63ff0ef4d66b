namespace FileSync.Client;

/// <summary>
/// Synchronization settings of one file system: its destinations and its
/// "Raven/Synchronization/Config" document. (Triggering synchronization is added with the
/// synchronization engine.)
/// </summary>
public sealed class SynchronizationCommands
{
    private readonly ConfigurationCommands _configuration;

    internal SynchronizationCommands(ConfigurationCommands configuration) => _configuration = configuration;

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

    private sealed record DestinationsDocument
    {
        public SynchronizationDestination[] Destinations { get; init; } = [];
    }
}
