using FileSync.Persistence;
using FileSync.Server.Hosting;
using FileSync.Sync.Synchronizers;

namespace FileSync.Server.Endpoints;

/// <summary>
/// Wires the PLM storage synchronizers into a node: <see cref="AddStorageSynchronizers"/> registers the services and
/// starts <c>/user/synchronizers</c> after the source side; <see cref="MapStorageSynchronizers"/> maps
/// <c>/storage/synchronizers</c> and the <c>Drain</c> route a remote node's pull calls. See docs/storage-synchronizers.md.
/// </summary>
public static class StorageSynchronizerModule
{
    /// <summary>Call after <c>AddOutgoingSynchronization</c>: hosted services start in registration order.</summary>
    public static IServiceCollection AddStorageSynchronizers(this IServiceCollection services)
    {
        services.AddSingleton<StorageSynchronizerHost>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageSynchronizerHost>());
        services.AddSingleton(sp => sp.GetRequiredService<StorageSynchronizerHost>().Synchronizers);
        return services;
    }

    public static IEndpointRouteBuilder MapStorageSynchronizers(this IEndpointRouteBuilder app) =>
        app.MapStorageSynchronizerEndpoints().MapDrainEndpoint();
}

/// <summary>
/// Starts <c>/user/synchronizers</c> once the source side is up (it uses the persistence that side registered).
/// The pull's HTTP client has no timeout of its own: <see cref="SynchronizerSettings.PhaseTimeout"/> bounds a phase.
/// </summary>
public sealed class StorageSynchronizerHost(NodeRuntime runtime, NodeOptions options, OutgoingSynchronizationHost outgoing) : IHostedService, IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
    private StorageSynchronizers? _synchronizers;

    public StorageSynchronizers Synchronizers => _synchronizers ?? throw new InvalidOperationException("Storage synchronizers have not started (or have stopped).");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var system = runtime.System;
        PersistenceExtension.Get(system).Serializer.RegisterSynchronizerEvents();
        var link = LinkOf(options);
        var drains = link is null ? null : new LinkDrains(link, outgoing.Outgoing, new HttpRemoteDrainClient(_http));
        _synchronizers = StorageSynchronizers.Start(system, link, drains);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The configured link with this node's side: its URL, and one of its own API keys (when it requires any) so the
    /// remote's pushes here during a pull are accepted.
    /// </summary>
    public static StorageLink? LinkOf(NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StorageLink is { } link
            ? new StorageLink(link.FileSystem, link.RemoteUrl, link.RemoteFileSystem, link.RemoteApiKey, options.Url, options.ApiKeys.FirstOrDefault())
            : null;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public ValueTask DisposeAsync()
    {
        // Stopped before the source side and the stores; a synchronizer interrupted here resumes after the next start.
        var synchronizers = Interlocked.Exchange(ref _synchronizers, null);
        if (synchronizers is not null)
        {
            try
            {
                runtime.System.Stop(synchronizers.Actor);
            }
            catch (InvalidOperationException)
            {
                // The runtime already stopped its actor system.
            }
        }
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
