namespace FileSync.Persistence.Journal;

/// <summary>
/// Events of one persistence id that are stored all together or not at all (what one <c>PersistAll</c> produces).
/// Sequence numbers must be consecutive and ascending.
/// </summary>
public sealed record AtomicWrite
{
    public AtomicWrite(IReadOnlyList<PersistentRepr> events)
    {
        if (events.Count == 0) throw new ArgumentException("An atomic write needs at least one event.", nameof(events));
        var id = events[0].PersistenceId;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].PersistenceId != id)
            {
                throw new ArgumentException($"An atomic write holds events of one persistence id; got '{id}' and '{events[i].PersistenceId}'.", nameof(events));
            }
            if (i > 0 && events[i].SequenceNr != events[i - 1].SequenceNr + 1)
            {
                throw new ArgumentException($"Sequence numbers of an atomic write must be consecutive; '{id}' has {events[i - 1].SequenceNr} then {events[i].SequenceNr}.", nameof(events));
            }
        }
        Events = events;
    }

    public IReadOnlyList<PersistentRepr> Events { get; }

    public string PersistenceId => Events[0].PersistenceId;

    public long LowestSequenceNr => Events[0].SequenceNr;

    public long HighestSequenceNr => Events[^1].SequenceNr;
}
