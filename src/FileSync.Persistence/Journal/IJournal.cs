namespace FileSync.Persistence.Journal;

/// <summary>
/// The event journal: an append-only log per persistence id. Implementations are safe to call from many
/// actors at once. A write that would reuse a stored (persistence id, sequence number) fails with
/// <see cref="JournalConflictException"/> — that is how a stale second writer is kept from forking a history.
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>Stores all events of the write in one transaction; completes only once they are durable.</summary>
    Task WriteAsync(AtomicWrite write, CancellationToken cancellationToken = default);

    /// <summary>Events of one id with <paramref name="fromSequenceNr"/> ≤ n ≤ <paramref name="toSequenceNr"/>, ascending, at most <paramref name="max"/>.</summary>
    IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max = long.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number ever stored for the id (kept even after its events were deleted); 0 when none.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the events of the id up to and including <paramref name="toSequenceNr"/>.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
