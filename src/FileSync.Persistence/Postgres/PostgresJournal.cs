using System.Data.Common;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Sql;
using Npgsql;
using NpgsqlTypes;

namespace FileSync.Persistence.Postgres;

/// <summary>The cluster journal on PostgreSQL: writes group-committed, each batch one multi-row INSERT.</summary>
public sealed class PostgresJournal : SqlJournal
{
    private const string UniqueViolation = "23505";
    private readonly NpgsqlDataSource _dataSource;

    private PostgresJournal(NpgsqlDataSource dataSource, int batchSize) : base(batchSize)
    {
        _dataSource = dataSource;
    }

    /// <summary>Opens the journal, creating or migrating the schema first when <paramref name="autoInitialize"/> is on.</summary>
    public static async Task<PostgresJournal> OpenAsync(string connectionString, bool autoInitialize = true, int batchSize = 100,
        CancellationToken cancellationToken = default)
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
        return new PostgresJournal(dataSource, batchSize);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    protected override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AtomicWrite> writes)
    {
        var events = writes.SelectMany(w => w.Events).ToArray();
        // One statement and one round trip for the whole batch: the columns travel as arrays and unnest turns them into rows.
        await using var insert = new NpgsqlCommand(
            "INSERT INTO journal (persistence_id, sequence_nr, created, manifest, payload, tags, writer) " +
            "SELECT * FROM unnest(@ids, @nrs, @created, @manifests, @payloads, @tags, @writers)",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        insert.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = events.Select(e => e.PersistenceId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<long[]>("nrs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = events.Select(e => e.SequenceNr).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<long[]>("created", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = events.Select(e => e.Created.ToUnixTimeMilliseconds()).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("manifests", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = events.Select(e => e.Manifest).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = events.Select(e => e.Payload).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = events.Select(e => TagsCodec.Encode(e.Tags) as string).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("writers", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = events.Select(e => e.Writer).ToArray() });
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    protected override bool IsUniqueViolation(Exception error) => error is PostgresException { SqlState: UniqueViolation };
}
