namespace FileSync.Persistence.Snapshots;

/// <summary>A snapshot as the store keeps it: serialized state plus its manifest.</summary>
public sealed record StoredSnapshot(SnapshotMetadata Metadata, string Manifest, byte[] Payload);
