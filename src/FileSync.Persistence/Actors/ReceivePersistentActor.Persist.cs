using FileSync.Persistence.Journal;

namespace FileSync.Persistence;

public abstract partial class ReceivePersistentActor
{
    private readonly List<PendingEvent> _pending = [];

    // The highest sequence number handed out, including events not yet written.
    private long _highestAssigned;

    /// <summary>
    /// Stores <paramref name="event"/> and then runs <paramref name="handler"/> with it (on the actor, in order).
    /// All events persisted while handling one command are written in one atomic write: all stored, or none.
    /// If the write fails the actor logs an error and stops; the handlers do not run.
    /// </summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(handler);
        if (IsRecovering) throw new InvalidOperationException($"'{PersistenceId}' cannot persist while it is recovering.");
        if (_persistence is null) throw new InvalidOperationException("Persist can only be called from command handlers, not the constructor.");
        _pending.Add(new PendingEvent(@event, ++_highestAssigned, e => handler((TEvent)e)));
    }

    /// <summary>Persists several events atomically; <paramref name="handler"/> runs for each, in order, once all are stored.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events) Persist(e, handler);
    }

    private async ValueTask FinishCommandAsync(ValueTask handling)
    {
        try
        {
            await handling;
        }
        catch
        {
            DiscardPending();
            throw;
        }

        // Persist handlers may persist again: keep going until nothing is pending.
        while (_pending.Count > 0 && !_stopping)
        {
            var batch = _pending.ToArray();
            _pending.Clear();
            if (!await TryWriteAsync(batch)) return;
            foreach (var pending in batch)
            {
                LastSequenceNr = pending.SequenceNr;
                pending.Handler(pending.Event);
                SnapshotIfDue();
            }
        }
    }

    private async Task<bool> TryWriteAsync(PendingEvent[] batch)
    {
        var first = batch[0].SequenceNr;
        var last = batch[^1].SequenceNr;
        try
        {
            var writer = Writer.ToString();
            var created = DateTimeOffset.UtcNow;
            var events = new PersistentRepr[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                var (manifest, payload) = Persistence.Serializer.Serialize(batch[i].Event);
                events[i] = new PersistentRepr(PersistenceId, batch[i].SequenceNr, manifest, payload, writer, created, TagsFor(batch[i].Event));
            }
            await Journal.WriteAsync(new AtomicWrite(events));
            return true;
        }
#pragma warning disable CA1031 // any failure to store means the same thing: stop
        catch (Exception ex)
#pragma warning restore CA1031
        {
            StopAfterFailure(ex, $"Persisting events {first}..{last} of persistence id '{PersistenceId}' failed: {ex.Message}");
            return false;
        }
    }

    private void DiscardPending()
    {
        _pending.Clear();
        _highestAssigned = LastSequenceNr;
    }

    private sealed record PendingEvent(object Event, long SequenceNr, Action<object> Handler);
}
