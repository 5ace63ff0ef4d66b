using System.Data.Common;

namespace FileSync.Persistence.Sql;

/// <summary>
/// Brings a database to the latest persistence schema (auto-initialize = on) or checks that it is there (off).
/// Runs in one transaction; the provider takes a lock first so two nodes starting together migrate once.
/// </summary>
internal static class SchemaMigrator
{
    private const string VersionTable =
        "CREATE TABLE IF NOT EXISTS persistence_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied BIGINT NOT NULL)";

    public static async Task EnsureAsync(DbConnection connection, IReadOnlyList<SchemaMigration> migrations, bool autoInitialize,
        Func<DbConnection, DbTransaction, Task> takeLock, CancellationToken cancellationToken)
    {
        var latest = migrations[^1].Version;
        if (!autoInitialize)
        {
            var found = await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (found < latest)
            {
                throw new InvalidOperationException(
                    $"The persistence schema is at version {found} but version {latest} is needed, and filesync.persistence.auto-initialize is off; " +
                    "turn it on once to create or migrate the tables.");
            }
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await takeLock(connection, transaction).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, VersionTable, cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO persistence_schema (version, description, applied) VALUES (@v, @d, @a)";
            AddParameter(record, "@v", migration.Version);
            AddParameter(record, "@d", migration.Description);
            AddParameter(record, "@a", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT MAX(version) FROM persistence_schema";
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is null or DBNull ? 0 : Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException) when (transaction is null)
        {
            return 0; // no version table yet (only reachable on the read-only check path)
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
