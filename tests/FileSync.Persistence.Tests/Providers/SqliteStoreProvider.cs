using FileSync.Persistence;
using FileSync.TestSupport;

namespace FileSync.Persistence.Tests.Providers;

/// <summary>A real SQLite file in a temp folder, deleted when the test class is done.</summary>
public sealed class SqliteStoreProvider : IStoreProvider, IDisposable
{
    private readonly TempDirectory _folder = new("filesync-sqlite");

    public string Name => "Sqlite";

    public string DatabasePath => _folder.Combine("filesync.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    public Task<PersistenceStores> OpenAsync(int batchSize = 100) =>
        PersistenceStores.OpenAsync(new PersistenceSettings(PersistenceProvider.Sqlite, ConnectionString, BatchSize: batchSize), _folder.Path);

    public void Dispose()
    {
        // Pooled SQLite connections keep the file open; release them so the folder can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
