using FileSync.Kernel;
using FileSync.Storage.Actors;
using FileSync.Storage.Content;
using FileSync.Storage.Database;
using FileSync.Storage.Files;
using FileSync.Storage.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FileSync.Storage;

/// <summary>
/// A node's storage: its database (SQLite or PostgreSQL), its chunk store and its file systems. Opening it
/// creates the schema, loads (or creates once) the node's <see cref="ServerId"/> and collects what an
/// interrupted upload left behind.
/// </summary>
public sealed class NodeStorage : IAsyncDisposable
{
    private readonly StorageDatabase _db;
    private readonly IFileSystemWriters _writers;

    private readonly PackFiles? _packs;

    private NodeStorage(StorageDatabase db, PackFiles? packs, Guid serverId, NodeFileSystems fileSystems, IFileSystemWriters writers, StorageSettings settings)
    {
        _db = db;
        _packs = packs;
        ServerId = serverId;
        Store = fileSystems;
        _writers = writers;
        Settings = settings;
    }

    public Guid ServerId { get; }

    public StorageSettings Settings { get; }

    /// <summary>The contract the HTTP facade uses.</summary>
    public IFileSystems FileSystems => Store;

    /// <summary>The same file systems with the synchronization extras (change lists, chunk lists, remote commits).</summary>
    public NodeFileSystems Store { get; }

    public ChunkStore Chunks => Store.Chunks;

    /// <summary>
    /// Opens (creating when needed) the node's storage. The file system actors live under
    /// <c>/user/filesystems</c> of <paramref name="system"/>; without one, the storage starts a private
    /// actor system named "storage" and terminates it on dispose.
    /// </summary>
    public static async Task<NodeStorage> OpenAsync(StorageSettings settings, ActorSystem? system = null,
        ILoggerFactory? loggerFactory = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<NodeStorage>();
        if (string.IsNullOrWhiteSpace(settings.DataDirectory))
            throw new ArgumentException("StorageSettings.DataDirectory is required.", nameof(settings));
        var chunking = settings.Chunking;
        if (settings.RetainedVersionsPerFile < 1)
            throw new ArgumentException("StorageSettings.RetainedVersionsPerFile must be at least 1 (the current version).", nameof(settings));
        Directory.CreateDirectory(settings.DataDirectory);

        StorageDatabase db = settings.Provider switch
        {
            StorageProvider.Sqlite => new SqliteStorageDatabase(string.IsNullOrWhiteSpace(settings.ConnectionString)
                ? SqliteStorageDatabase.DefaultConnectionString(settings.DataDirectory) : settings.ConnectionString),
            StorageProvider.PostgreSql => new PostgresStorageDatabase(string.IsNullOrWhiteSpace(settings.ConnectionString)
                ? throw new ArgumentException("The PostgreSQL provider needs StorageSettings.ConnectionString.", nameof(settings))
                : settings.ConnectionString),
            _ => throw new ArgumentException($"Unknown storage provider '{settings.Provider}'.", nameof(settings)),
        };
        // SQLite mode keeps chunk bytes in pack files beside the database (measured faster than BLOBs);
        // PostgreSQL mode keeps them in the shared database so every node sees them.
        var usePacks = db.Provider == StorageProvider.Sqlite && !settings.ChunkBytesInDatabase;
        PackFiles? packs = null;
        try
        {
            await db.CreateSchemaAsync(chunkBytesInRows: !usePacks, ct).ConfigureAwait(false);
            await ChunkFormat.EnsureAsync(db, ct).ConfigureAwait(false);
            var serverId = await FileCatalog.LoadOrCreateServerIdAsync(db, settings.ServerId, ct).ConfigureAwait(false);
            packs = usePacks ? new PackFiles(settings.DataDirectory, db) : null;
            var chunks = new ChunkStore(db, chunking, packs);
            var collected = await chunks.CollectGarbageAsync(settings.CollectionGracePeriod, ct).ConfigureAwait(false);
            // After collection, so the filter is built from the chunks that survived it.
            await chunks.LoadKnownChunksAsync(ct).ConfigureAwait(false);
            if (collected.Contents + collected.Chunks + collected.PackFiles > 0)
                logger.LogInformation("Collected {Contents} unreferenced contents, {Chunks} chunks and {Packs} pack files at start",
                    collected.Contents, collected.Chunks, collected.PackFiles);
            var catalog = new FileCatalog(db, serverId, settings.RetainedVersionsPerFile);
            var ownsSystem = system is null;
            system ??= ActorSystem.Create("storage", loggerFactory: loggerFactory);
            IFileSystemWriters writers = new ActorWriters(system, new CommandExecutor(catalog), ownsSystem);
            return new NodeStorage(db, packs, serverId, new NodeFileSystems(catalog, chunks, writers), writers, settings);
        }
        catch
        {
            if (packs is not null) await packs.DisposeAsync().ConfigureAwait(false);
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writers.DisposeAsync().ConfigureAwait(false);
        if (_packs is not null) await _packs.DisposeAsync().ConfigureAwait(false);
        await _db.DisposeAsync().ConfigureAwait(false);
    }
}
