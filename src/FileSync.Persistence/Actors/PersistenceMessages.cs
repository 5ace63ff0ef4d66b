using FileSync.Persistence.Snapshots;

namespace FileSync.Persistence;

/// <summary>Offered to the <c>Recover&lt;SnapshotOffer&gt;</c> handler when recovery starts from a snapshot.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

/// <summary>Marks the replies a persistent actor gets about its snapshot and delete requests.</summary>
public interface IPersistenceResult;

public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata) : IPersistenceResult;

public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause) : IPersistenceResult;

public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria) : IPersistenceResult;

public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause) : IPersistenceResult;

public sealed record DeleteMessagesSuccess(long ToSequenceNr) : IPersistenceResult;

public sealed record DeleteMessagesFailure(long ToSequenceNr, Exception Cause) : IPersistenceResult;
