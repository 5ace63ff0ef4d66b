namespace FileSync.Persistence.Snapshots;

/// <summary>Stores snapshots of persistent actors' state, at most one per (persistence id, sequence number).</summary>
public interface ISnapshotStore : IAsyncDisposable
{
    /// <summary>Saves (or replaces) the snapshot at its metadata's sequence number.</summary>
    Task SaveAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The newest snapshot of the id that matches the criteria, or null.</summary>
    Task<StoredSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Deletes the one snapshot at the metadata's sequence number.</summary>
    Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot of the id that matches the criteria.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
