namespace FileSync.Persistence.Snapshots;

/// <summary>Which snapshots of an id qualify: sequence number and creation time within the given bounds (inclusive).</summary>
public sealed record SnapshotSelectionCriteria(
    long MaxSequenceNr = long.MaxValue,
    DateTimeOffset? MaxTimestamp = null,
    long MinSequenceNr = 0)
{
    /// <summary>Any snapshot.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new();

    /// <summary>No snapshot: recovery replays every event.</summary>
    public static SnapshotSelectionCriteria None { get; } = new(MaxSequenceNr: 0, MinSequenceNr: 1);

    public bool Matches(SnapshotMetadata metadata) =>
        metadata.SequenceNr <= MaxSequenceNr
        && metadata.SequenceNr >= MinSequenceNr
        && (MaxTimestamp is null || metadata.Created <= MaxTimestamp);

    /// <summary>Upper timestamp bound as unix milliseconds (how the SQL stores keep time).</summary>
    internal long MaxUnixMilliseconds => MaxTimestamp?.ToUnixTimeMilliseconds() ?? long.MaxValue;
}
