using System.Data.Common;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace FileSync.Persistence.Sqlite;

/// <summary>The embedded default journal: one SQLite file in WAL mode, writes group-committed.</summary>
public sealed class SqliteJournal : SqlJournal
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private readonly SqliteConnections _connections;

    private SqliteJournal(SqliteConnections connections, int batchSize) : base(batchSize)
    {
        _connections = connections;
    }

    /// <summary>Opens the journal, creating or migrating the schema first when <paramref name="autoInitialize"/> is on.</summary>
    public static async Task<SqliteJournal> OpenAsync(string connectionString, bool autoInitialize = true, int batchSize = 100,
        CancellationToken cancellationToken = default)
    {
        var connections = new SqliteConnections(connectionString);
        await SqliteSchema.EnsureAsync(connections, autoInitialize, cancellationToken).ConfigureAwait(false);
        return new SqliteJournal(connections, batchSize);
    }

    protected override async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AtomicWrite> writes)
    {
        // In-process database: one prepared single-row INSERT per event inside the transaction is as fast as a multi-row one.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO journal (persistence_id, sequence_nr, created, manifest, payload, tags, writer) " +
            "VALUES (@id, @nr, @created, @manifest, @payload, @tags, @writer)";
        var id = Add(insert, "@id");
        var nr = Add(insert, "@nr");
        var created = Add(insert, "@created");
        var manifest = Add(insert, "@manifest");
        var payload = Add(insert, "@payload");
        var tags = Add(insert, "@tags");
        var writer = Add(insert, "@writer");
        foreach (var write in writes)
        {
            foreach (var e in write.Events)
            {
                id.Value = e.PersistenceId;
                nr.Value = e.SequenceNr;
                created.Value = e.Created.ToUnixTimeMilliseconds();
                manifest.Value = e.Manifest;
                payload.Value = e.Payload;
                tags.Value = TagsCodec.Encode(e.Tags);
                writer.Value = e.Writer;
                await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    protected override bool IsUniqueViolation(Exception error) =>
        error is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };

    private static DbParameter Add(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
