using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FileSync.Benchmarks;

/// <summary>
/// The same rows the journal writes, inserted straight into the same <c>journal</c> table with plain ADO.NET and
/// the same durability settings: what the persistence layer costs on top of the database.
/// </summary>
internal static class JournalRawBaseline
{
    private const string Insert = "INSERT INTO journal (persistence_id, sequence_nr, created, manifest, payload, tags, writer) VALUES ";

    /// <summary>Events/s inserting <paramref name="events"/> rows, <paramref name="rowsPerCommit"/> per transaction, on SQLite.</summary>
    public static async Task<double> SqliteAsync(string connectionString, int events, int rowsPerCommit, byte[] payload)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
            await pragmas.ExecuteNonQueryAsync();
        }
        var id = $"raw-{Guid.NewGuid():N}";
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < events; done += rowsPerCommit)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Insert + "(@id, @nr, @created, 'bench.recorded', @payload, NULL, 'raw#0')";
            command.Parameters.AddWithValue("@id", id);
            var nr = command.Parameters.Add("@nr", SqliteType.Integer);
            command.Parameters.AddWithValue("@created", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@payload", payload);
            for (var i = 0; i < rowsPerCommit; i++)
            {
                nr.Value = done + i + 1;
                await command.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        return events / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Events/s on PostgreSQL: one multi-row INSERT … VALUES per transaction.</summary>
    public static async Task<double> PostgresAsync(string connectionString, int events, int rowsPerCommit, byte[] payload)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var id = $"raw-{Guid.NewGuid():N}";
        var values = string.Join(", ", Enumerable.Range(0, rowsPerCommit).Select(i => $"(@id, @nr{i}, @created, 'bench.recorded', @payload, NULL, 'raw#0')"));
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < events; done += rowsPerCommit)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(Insert + values, connection, transaction);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("created", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("payload", payload);
            for (var i = 0; i < rowsPerCommit; i++) command.Parameters.AddWithValue($"nr{i}", (long)(done + i + 1));
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return events / watch.Elapsed.TotalSeconds;
    }
}
