using System.Data.Common;
using FileSync.Persistence.Snapshots;

namespace FileSync.Persistence.Sql;

/// <summary>The snapshot store over an ADO.NET database; the SQL is the same for SQLite and PostgreSQL.</summary>
public abstract class SqlSnapshotStore : ISnapshotStore
{
    public async Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO snapshots (persistence_id, sequence_nr, created, manifest, payload) VALUES (@id, @nr, @created, @manifest, @payload) " +
            "ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET created = excluded.created, manifest = excluded.manifest, payload = excluded.payload";
        Add(command, "@id", snapshot.Metadata.PersistenceId);
        Add(command, "@nr", snapshot.Metadata.SequenceNr);
        Add(command, "@created", snapshot.Metadata.Created.ToUnixTimeMilliseconds());
        Add(command, "@manifest", snapshot.Manifest);
        Add(command, "@payload", snapshot.Payload);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT sequence_nr, created, manifest, payload FROM snapshots " +
            "WHERE persistence_id = @id AND sequence_nr >= @min AND sequence_nr <= @max AND created <= @maxTime " +
            "ORDER BY sequence_nr DESC LIMIT 1";
        AddCriteria(command, persistenceId, criteria);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredSnapshot(
            new SnapshotMetadata(persistenceId, reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))),
            reader.GetString(2),
            (byte[])reader.GetValue(3));
    }

    public async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM snapshots WHERE persistence_id = @id AND sequence_nr = @nr";
        Add(command, "@id", metadata.PersistenceId);
        Add(command, "@nr", metadata.SequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "DELETE FROM snapshots WHERE persistence_id = @id AND sequence_nr >= @min AND sequence_nr <= @max AND created <= @maxTime";
        AddCriteria(command, persistenceId, criteria);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    private static void AddCriteria(DbCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        Add(command, "@id", persistenceId);
        Add(command, "@min", criteria.MinSequenceNr);
        Add(command, "@max", criteria.MaxSequenceNr);
        Add(command, "@maxTime", criteria.MaxUnixMilliseconds);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
