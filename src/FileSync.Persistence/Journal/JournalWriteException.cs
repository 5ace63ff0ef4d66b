namespace FileSync.Persistence.Journal;

/// <summary>A write could not be stored (database unreachable, disk full, …). Nothing of the write is stored.</summary>
public sealed class JournalWriteException(AtomicWrite write, Exception inner)
    : Exception($"Storing events {write.LowestSequenceNr}..{write.HighestSequenceNr} of '{write.PersistenceId}' failed: {inner.Message}", inner)
{
    public string PersistenceId { get; } = write.PersistenceId;
}
