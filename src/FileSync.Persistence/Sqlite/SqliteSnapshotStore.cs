using System.Data.Common;
using FileSync.Persistence.Sql;

namespace FileSync.Persistence.Sqlite;

/// <summary>Snapshots in the same SQLite file as the journal.</summary>
public sealed class SqliteSnapshotStore : SqlSnapshotStore
{
    private readonly SqliteConnections _connections;

    private SqliteSnapshotStore(SqliteConnections connections)
    {
        _connections = connections;
    }

    public static async Task<SqliteSnapshotStore> OpenAsync(string connectionString, bool autoInitialize = true, CancellationToken cancellationToken = default)
    {
        var connections = new SqliteConnections(connectionString);
        await SqliteSchema.EnsureAsync(connections, autoInitialize, cancellationToken).ConfigureAwait(false);
        return new SqliteSnapshotStore(connections);
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
}
