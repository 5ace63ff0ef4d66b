using System.Data.Common;
using FileSync.Persistence.Postgres;
using FileSync.Persistence.Sql;
using FileSync.Persistence.Sqlite;
using FileSync.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FileSync.Persistence.Tests.Stores;

/// <summary>Schema creation, versioning and the auto-initialize switch, for both SQL providers.</summary>
public abstract class SchemaTests
{
    protected abstract Task<string> FreshDatabaseAsync();

    protected abstract Task<IAsyncDisposable> OpenJournalAsync(string connectionString, bool autoInitialize);

    protected abstract Task<DbConnection> ConnectAsync(string connectionString);

    [Fact]
    public async Task Schema_is_created_once_and_records_its_version()
    {
        var database = await FreshDatabaseAsync();
        await (await OpenJournalAsync(database, autoInitialize: true)).DisposeAsync();
        await (await OpenJournalAsync(database, autoInitialize: true)).DisposeAsync();

        await using var connection = await ConnectAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM persistence_schema";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(SchemaMigrations.LatestVersion, reader.GetInt64(0));
        Assert.Equal(SchemaMigrations.LatestVersion, reader.GetInt32(1));
    }

    [Fact]
    public async Task Schema_missing_with_auto_initialize_off_fails_with_a_sentence_naming_the_key()
    {
        var database = await FreshDatabaseAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenJournalAsync(database, autoInitialize: false));

        Assert.Contains("auto-initialize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_present_with_auto_initialize_off_opens()
    {
        var database = await FreshDatabaseAsync();
        await (await OpenJournalAsync(database, autoInitialize: true)).DisposeAsync();

        await using var journal = await OpenJournalAsync(database, autoInitialize: false);

        Assert.NotNull(journal);
    }
}

public sealed class SqliteSchemaTests : SchemaTests, IDisposable
{
    private readonly TempDirectory _folder = new("filesync-schema");

    protected override Task<string> FreshDatabaseAsync() => Task.FromResult($"Data Source={_folder.Combine($"{Guid.NewGuid():N}.db")}");

    protected override async Task<IAsyncDisposable> OpenJournalAsync(string connectionString, bool autoInitialize) =>
        await SqliteJournal.OpenAsync(connectionString, autoInitialize);

    protected override async Task<DbConnection> ConnectAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        var database = await FreshDatabaseAsync();
        await (await OpenJournalAsync(database, autoInitialize: true)).DisposeAsync();

        await using var connection = await ConnectAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

public sealed class PostgresSchemaTests : SchemaTests
{
    protected override async Task<string> FreshDatabaseAsync() =>
        await (await PostgresServer.GetAsync()).CreateDatabaseAsync("schema");

    protected override async Task<IAsyncDisposable> OpenJournalAsync(string connectionString, bool autoInitialize) =>
        await PostgresJournal.OpenAsync(connectionString, autoInitialize);

    protected override async Task<DbConnection> ConnectAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
