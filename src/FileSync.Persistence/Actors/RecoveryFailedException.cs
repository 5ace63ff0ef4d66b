namespace FileSync.Persistence;

/// <summary>Recovery of a persistent actor stopped: names the persistence id and, when an event was at fault, which one.</summary>
public sealed class RecoveryFailedException : Exception
{
    public RecoveryFailedException(string persistenceId, long? sequenceNr, string? manifest, Exception cause)
        : base(Describe(persistenceId, sequenceNr, manifest, cause), cause)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        Manifest = manifest;
    }

    public string PersistenceId { get; }

    /// <summary>The event that failed, or null when loading the snapshot or the highest number failed.</summary>
    public long? SequenceNr { get; }

    public string? Manifest { get; }

    private static string Describe(string persistenceId, long? sequenceNr, string? manifest, Exception cause) =>
        sequenceNr is { } nr
            ? $"Recovery of persistence id '{persistenceId}' failed at event {nr} (manifest '{manifest}'): {cause.Message}"
            : $"Recovery of persistence id '{persistenceId}' failed before replaying events: {cause.Message}";
}
