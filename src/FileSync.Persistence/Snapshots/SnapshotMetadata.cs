namespace FileSync.Persistence.Snapshots;

/// <summary>Identifies a snapshot: the state of <paramref name="PersistenceId"/> after event <paramref name="SequenceNr"/>.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Created);
