using FileSync.Hocon;
using FileSync.Persistence;
using FileSync.Persistence.Serialization;
using FileSync.Server.Hosting;
using FileSync.Storage.Files;
using FileSync.Sync.Outgoing;

namespace FileSync.Server.Endpoints;

/// <summary>
/// Wires the source side into a node: <see cref="AddOutgoingSynchronization"/> registers the services and
/// starts <c>/user/destinations</c> once the node runtime is up; <see cref="MapOutgoingSynchronization"/> maps
/// the routes. Settings come from HOCON <c>filesync.synchronization.*</c> (see docs/synchronization.md).
/// </summary>
public static class OutgoingSynchronizationModule
{
    public static IServiceCollection AddOutgoingSynchronization(this IServiceCollection services)
    {
        services.AddSingleton<OutgoingSynchronizationHost>();
        services.AddHostedService(sp => sp.GetRequiredService<OutgoingSynchronizationHost>());
        services.AddSingleton(sp => sp.GetRequiredService<OutgoingSynchronizationHost>().Outgoing);
        return services;
    }

    public static IEndpointRouteBuilder MapOutgoingSynchronization(this IEndpointRouteBuilder app) => app.MapSynchronizationEndpoints();

    /// <summary>Reads <c>filesync.synchronization.{interval, change-delay, max-per-destination, small-file-limit}</c>.</summary>
    public static OutgoingSettings ReadSettings(IConfiguration configuration)
    {
        var section = configuration.GetSection("filesync:synchronization");
        var defaults = OutgoingSettings.Default;
        var interval = section["interval"] is { Length: > 0 } i ? HoconValues.ParseDuration(i) : defaults.Interval;
        var changeDelay = section["change-delay"] is { Length: > 0 } d ? HoconValues.ParseDuration(d) : defaults.ChangeDelay;
        var max = section["max-per-destination"] is { Length: > 0 } m ? int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : defaults.MaxPerDestination;
        var small = section["small-file-limit"] is { Length: > 0 } s ? HoconValues.ParseByteSize(s) : defaults.SmallFileLimit;
        if (interval <= TimeSpan.Zero) throw new ArgumentException($"filesync.synchronization.interval must be positive; got {interval}.");
        if (max < 1) throw new ArgumentException($"filesync.synchronization.max-per-destination must be at least 1; got {max}.");
        return defaults with { Interval = interval, ChangeDelay = changeDelay, MaxPerDestination = max, SmallFileLimit = small };
    }
}

/// <summary>
/// Starts the source side after <see cref="NodeRuntime"/> (hosted services start in registration order).
/// Uses the persistence registered on the node's actor system, or opens the node's own stores when nothing
/// registered any (then it also closes them).
/// </summary>
public sealed class OutgoingSynchronizationHost(NodeRuntime runtime, NodeOptions options, IConfiguration configuration) : IHostedService, IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        // A content request streams a whole file; the run's own timeout bounds it.
        Timeout = Timeout.InfiniteTimeSpan,
    };
    private OutgoingSynchronization? _outgoing;
    private PersistenceStores? _ownStores;

    public OutgoingSynchronization Outgoing => _outgoing ?? throw new InvalidOperationException("Synchronization has not started (or has stopped).");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var system = runtime.System;
        PersistenceExtension persistence;
        try
        {
            persistence = PersistenceExtension.Get(system);
        }
        catch (InvalidOperationException)
        {
            _ownStores = await PersistenceStores.OpenAsync(new PersistenceSettings(), options.Storage.DataDirectory, cancellationToken).ConfigureAwait(false);
            persistence = PersistenceExtension.Register(system, _ownStores, new EventSerializer(), new PersistenceSettings());
        }
        persistence.Serializer.RegisterDestinationEvents();
        var store = runtime.FileSystems as NodeFileSystems
            ?? throw new InvalidOperationException("Synchronization needs the node's NodeFileSystems store.");
        _outgoing = OutgoingSynchronization.Start(system, store, new HttpDestinationClientFactory(_http),
            OutgoingSynchronizationModule.ReadSettings(configuration), options.Url);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        // Stop the destination actors before their stores close; interrupted runs resume after the next start.
        var outgoing = Interlocked.Exchange(ref _outgoing, null);
        if (outgoing is not null)
        {
            try
            {
                runtime.System.Stop(outgoing.Destinations);
            }
            catch (InvalidOperationException)
            {
                // The runtime already stopped its actor system.
            }
        }
        _http.Dispose();
        var stores = Interlocked.Exchange(ref _ownStores, null);
        if (stores is not null) await stores.DisposeAsync().ConfigureAwait(false);
    }
}
