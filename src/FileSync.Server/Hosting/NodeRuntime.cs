using FileSync.Kernel;
using FileSync.Storage;
using FileSync.Storage.Files;

namespace FileSync.Server.Hosting;

/// <summary>
/// The node's long-lived parts: one actor system and the storage opened on it. Started as a hosted
/// service (before Kestrel accepts requests) and stopped after Kestrel has drained: storage is
/// closed first, then the actor system is terminated.
/// </summary>
public sealed partial class NodeRuntime(NodeOptions options, ILoggerFactory loggerFactory, ILogger<NodeRuntime> log)
    : IHostedService, IAsyncDisposable
{
    private ActorSystem? _system;
    private NodeStorage? _storage;

    public ActorSystem System => _system ?? throw NotStarted();

    public IFileSystems FileSystems => _storage?.FileSystems ?? throw NotStarted();

    public Guid ServerId => _storage?.ServerId ?? throw NotStarted();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _system = ActorSystem.Create("filesync", options.Kernel, loggerFactory);
        _storage = await NodeStorage.OpenAsync(options.Storage, _system, loggerFactory, cancellationToken).ConfigureAwait(false);
        await FileSystemSeeder.SeedAsync(_storage.FileSystems, options.FileSystems, cancellationToken).ConfigureAwait(false);
        LogStarted(log, _storage.ServerId, options.Storage.DataDirectory, options.Storage.Provider, options.FileSystems.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        var storage = Interlocked.Exchange(ref _storage, null);
        if (storage is not null) await storage.DisposeAsync().ConfigureAwait(false);
        var system = Interlocked.Exchange(ref _system, null);
        if (system is not null) await system.Terminate().ConfigureAwait(false);
    }

    private static InvalidOperationException NotStarted() =>
        new("The node has not started (or has stopped): its storage is not open.");

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Node {ServerId} started: data in {DataDirectory} ({Provider}), {Seeded} file system(s) from configuration")]
    private static partial void LogStarted(ILogger logger, Guid serverId, string dataDirectory, StorageProvider provider, int seeded);
}
