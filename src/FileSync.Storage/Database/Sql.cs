using System.Data.Common;

namespace FileSync.Storage.Database;

/// <summary>Small helpers so queries read as SQL plus their arguments.</summary>
internal static class Sql
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in args) command.Add(name, value);
        return command;
    }

    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    public static async Task<int> ExecAsync(this DbConnection connection, string sql, DbTransaction? tx, CancellationToken ct, params (string, object?)[] args)
    {
        await using var command = connection.Command(sql, tx, args);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(this DbConnection connection, string sql, DbTransaction? tx, CancellationToken ct, params (string, object?)[] args)
    {
        await using var command = connection.Command(sql, tx, args);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public static long UnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
