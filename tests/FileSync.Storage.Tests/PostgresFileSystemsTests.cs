using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

/// <summary>The same behavioural suite against a real PostgreSQL server (a fresh database per test).</summary>
public sealed class PostgresFileSystemsTests : FileSystemsBehaviour
{
    public PostgresFileSystemsTests() : base(new PostgresFactory()) { }

    private sealed class PostgresFactory : StorageFactory
    {
        public override async Task<NodeStorage> OpenAsync(TempDirectory dataDir, StorageSettings? reuse = null, Func<StorageSettings, StorageSettings>? adjust = null)
        {
            var settings = reuse;
            if (settings is null)
            {
                var server = await PostgresServer.GetAsync();
                settings = SmallChunks(dataDir.Path) with
                {
                    Provider = StorageProvider.PostgreSql,
                    ConnectionString = await server.CreateDatabaseAsync("storage"),
                };
            }
            if (adjust is not null) settings = adjust(settings);
            return await NodeStorage.OpenAsync(settings);
        }
    }
}
