using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using FileSync.Persistence.Journal;

namespace FileSync.Persistence.Sql;

/// <summary>
/// The journal over an ADO.NET database: reads, deletes and the group-commit write path are shared; each
/// provider supplies its connections, its batch insert and how it reports a unique-key violation.
/// Tables: see <see cref="SchemaMigrations"/>.
/// </summary>
public abstract class SqlJournal : IJournal
{
    private readonly GroupCommitter _committer;

    protected SqlJournal(int batchSize)
    {
        _committer = new GroupCommitter(batchSize, CommitBatchAsync, DescribeFailure);
    }

    public Task WriteAsync(AtomicWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        foreach (var e in write.Events) TagsCodec.Encode(e.Tags); // reject bad tags before they reach a shared transaction
        cancellationToken.ThrowIfCancellationRequested();
        return _committer.EnqueueAsync(write);
    }

    public async IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max = long.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (max <= 0 || toSequenceNr < fromSequenceNr) yield break;
        await using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT persistence_id, sequence_nr, created, manifest, payload, tags, writer FROM journal " +
            "WHERE persistence_id = @id AND sequence_nr >= @from AND sequence_nr <= @to ORDER BY sequence_nr LIMIT @max";
        AddParameter(command, "@id", persistenceId);
        AddParameter(command, "@from", fromSequenceNr);
        AddParameter(command, "@to", toSequenceNr);
        AddParameter(command, "@max", max);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PersistentRepr(
                PersistenceId: reader.GetString(0),
                SequenceNr: reader.GetInt64(1),
                Created: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                Manifest: reader.GetString(3),
                Payload: (byte[])reader.GetValue(4),
                Tags: TagsCodec.Decode(reader.GetValue(5)),
                Writer: reader.GetString(6));
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadHighestAsync(connection, null, persistenceId, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenWriteConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Remember the highest number before deleting, so a fully deleted stream never restarts at 1.
        var highest = await ReadHighestAsync(connection, transaction, persistenceId, cancellationToken).ConfigureAwait(false);
        await using (var remember = connection.CreateCommand())
        {
            remember.Transaction = transaction;
            remember.CommandText =
                "INSERT INTO journal_metadata (persistence_id, max_sequence_nr) VALUES (@id, @max) " +
                "ON CONFLICT (persistence_id) DO UPDATE SET max_sequence_nr = excluded.max_sequence_nr " +
                "WHERE journal_metadata.max_sequence_nr < excluded.max_sequence_nr";
            AddParameter(remember, "@id", persistenceId);
            AddParameter(remember, "@max", highest);
            await remember.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM journal WHERE persistence_id = @id AND sequence_nr <= @to";
            AddParameter(delete, "@id", persistenceId);
            AddParameter(delete, "@to", toSequenceNr);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>A connection for reads (may run beside the writer).</summary>
    protected abstract Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A connection for a write transaction.</summary>
    protected abstract Task<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Inserts every event of the writes inside <paramref name="transaction"/> (the caller commits).</summary>
    protected abstract Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AtomicWrite> writes);

    /// <summary>True when the error is the database's unique-key violation.</summary>
    protected abstract bool IsUniqueViolation(Exception error);

    /// <summary>Hands the write connection back after a batch (providers that keep one open do nothing).</summary>
    protected virtual ValueTask ReleaseWriteConnectionAsync(DbConnection connection) => connection.DisposeAsync();

    protected static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private async Task CommitBatchAsync(IReadOnlyList<AtomicWrite> writes)
    {
        var connection = await OpenWriteConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await InsertAsync(connection, transaction, writes).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        finally
        {
            await ReleaseWriteConnectionAsync(connection).ConfigureAwait(false);
        }
    }

    private Exception DescribeFailure(AtomicWrite write, Exception error) =>
        IsUniqueViolation(error)
            ? new JournalConflictException(write.PersistenceId, write.LowestSequenceNr, error)
            : new JournalWriteException(write, error);

    private static async Task<long> ReadHighestAsync(DbConnection connection, DbTransaction? transaction, string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT MAX(n) FROM (" +
            "SELECT MAX(sequence_nr) AS n FROM journal WHERE persistence_id = @id " +
            "UNION ALL SELECT max_sequence_nr AS n FROM journal_metadata WHERE persistence_id = @id) AS highest";
        AddParameter(command, "@id", persistenceId);
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is null or DBNull ? 0 : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
