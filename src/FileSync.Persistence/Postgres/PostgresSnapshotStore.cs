using System.Data.Common;
using FileSync.Persistence.Sql;
using Npgsql;

namespace FileSync.Persistence.Postgres;

/// <summary>Snapshots in PostgreSQL, beside the journal.</summary>
public sealed class PostgresSnapshotStore : SqlSnapshotStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresSnapshotStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public static async Task<PostgresSnapshotStore> OpenAsync(string connectionString, bool autoInitialize = true, CancellationToken cancellationToken = default)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await PostgresSchema.EnsureAsync(dataSource, autoInitialize, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PostgresSnapshotStore(dataSource);
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
}
