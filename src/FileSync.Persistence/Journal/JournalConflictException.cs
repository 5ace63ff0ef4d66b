namespace FileSync.Persistence.Journal;

/// <summary>
/// A write hit a sequence number that is already stored for its persistence id: another writer (a stale owner
/// or a second instance) has written this history. The writer must stop rather than continue on a forked history.
/// </summary>
public sealed class JournalConflictException : Exception
{
    public JournalConflictException(string persistenceId, long sequenceNr, Exception? inner = null)
        : base($"Persistence id '{persistenceId}' already has an event at sequence number {sequenceNr} (or below the write): another writer owns this history.", inner)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    public string PersistenceId { get; }

    public long SequenceNr { get; }
}
