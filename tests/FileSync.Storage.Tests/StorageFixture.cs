using FileSync.Storage;
using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

/// <summary>Opens real node storages for the behavioural suite; each subclass says which database.</summary>
public abstract class StorageFactory
{
    /// <summary>A fresh, empty node storage; <paramref name="reuse"/> reopens the same data (a node restart).</summary>
    public abstract Task<NodeStorage> OpenAsync(TempDirectory dataDir, StorageSettings? reuse = null, Func<StorageSettings, StorageSettings>? adjust = null);

    public static StorageSettings SmallChunks(string dataDir) =>
        new(dataDir, MinChunk: 256, AvgChunk: 1024, MaxChunk: 8192);
}
