using FileSync.Persistence.Sql;
using Npgsql;

namespace FileSync.Persistence.Postgres;

internal static class PostgresSchema
{
    // Any fixed number works; it only has to be the same for every node migrating this schema.
    private const long MigrationLockKey = 0x46_53_50_45_52_53; // "FSPERS"

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, bool autoInitialize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await SchemaMigrator.EnsureAsync(connection, SchemaMigrations.PostgreSql, autoInitialize, TakeLockAsync, cancellationToken).ConfigureAwait(false);
    }

    private static async Task TakeLockAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
