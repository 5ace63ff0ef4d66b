using FileSync.Persistence.Sql;

namespace FileSync.Persistence.Sqlite;

internal static class SqliteSchema
{
    public static async Task EnsureAsync(SqliteConnections connections, bool autoInitialize, CancellationToken cancellationToken)
    {
        await connections.UseWriteAheadLogAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        // BeginTransaction on SQLite is BEGIN IMMEDIATE: it already holds the write lock, so no extra lock is needed.
        await SchemaMigrator.EnsureAsync(connection, SchemaMigrations.Sqlite, autoInitialize, (_, _) => Task.CompletedTask, cancellationToken)
            .ConfigureAwait(false);
    }
}
