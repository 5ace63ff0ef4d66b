namespace FileSync.Persistence.Snapshots;

/// <summary>A snapshot store in process memory, for unit tests.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Id, long SequenceNr), StoredSnapshot> _snapshots = [];

    public Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        lock (_gate) _snapshots[(snapshot.Metadata.PersistenceId, snapshot.Metadata.SequenceNr)] = snapshot;
        return Task.CompletedTask;
    }

    public Task<StoredSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_snapshots.Values
                .Where(s => s.Metadata.PersistenceId == persistenceId && criteria.Matches(s.Metadata))
                .MaxBy(s => s.Metadata.SequenceNr));
        }
    }

    public Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        lock (_gate) _snapshots.Remove((metadata.PersistenceId, metadata.SequenceNr));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var key in _snapshots.Where(kv => kv.Key.Id == persistenceId && criteria.Matches(kv.Value.Metadata)).Select(kv => kv.Key).ToList())
            {
                _snapshots.Remove(key);
            }
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
