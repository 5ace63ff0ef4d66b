using FileSync.Persistence;
using FileSync.TestSupport;

namespace FileSync.Persistence.Tests.Providers;

/// <summary>A fresh database on the test run's throwaway PostgreSQL server (created on first use).</summary>
public sealed class PostgresStoreProvider : IStoreProvider
{
    private readonly Lazy<Task<string>> _connectionString = new(async () =>
    {
        var server = await PostgresServer.GetAsync().ConfigureAwait(false);
        return await server.CreateDatabaseAsync("persistence").ConfigureAwait(false);
    });

    public string Name => "Postgres";

    public Task<string> ConnectionStringAsync() => _connectionString.Value;

    public async Task<PersistenceStores> OpenAsync(int batchSize = 100) =>
        await PersistenceStores.OpenAsync(
            new PersistenceSettings(PersistenceProvider.PostgreSql, await ConnectionStringAsync().ConfigureAwait(false), BatchSize: batchSize),
            dataDirectory: Path.GetTempPath()).ConfigureAwait(false);
}
