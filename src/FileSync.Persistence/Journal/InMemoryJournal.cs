namespace FileSync.Persistence.Journal;

/// <summary>A journal in process memory, for unit tests. Keep one instance to "restart" actors against the same history.</summary>
public sealed class InMemoryJournal : IJournal
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedList<long, PersistentRepr>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highestDeleted = new(StringComparer.Ordinal);

    public Task WriteAsync(AtomicWrite write, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stream = StreamOf(write.PersistenceId);
            // Check everything first so the write is all-or-nothing, like a transaction.
            foreach (var e in write.Events)
            {
                if (stream.ContainsKey(e.SequenceNr))
                {
                    return Task.FromException(new JournalConflictException(e.PersistenceId, e.SequenceNr));
                }
            }
            foreach (var e in write.Events) stream.Add(e.SequenceNr, e);
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max = long.MaxValue,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        PersistentRepr[] selected;
        lock (_gate)
        {
            selected = _streams.TryGetValue(persistenceId, out var stream)
                ? stream.Values.Where(e => e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr).Take((int)Math.Min(max, int.MaxValue)).ToArray()
                : [];
        }
        foreach (var e in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = _streams.TryGetValue(persistenceId, out var stream) && stream.Count > 0 ? stream.Keys[^1] : 0;
            return Task.FromResult(Math.Max(stored, _highestDeleted.GetValueOrDefault(persistenceId)));
        }
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(persistenceId, out var stream)) return Task.CompletedTask;
            var doomed = stream.Keys.Where(n => n <= toSequenceNr).ToList();
            if (doomed.Count == 0) return Task.CompletedTask;
            foreach (var n in doomed) stream.Remove(n);
            _highestDeleted[persistenceId] = Math.Max(_highestDeleted.GetValueOrDefault(persistenceId), doomed[^1]);
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private SortedList<long, PersistentRepr> StreamOf(string persistenceId)
    {
        if (!_streams.TryGetValue(persistenceId, out var stream))
        {
            stream = new SortedList<long, PersistentRepr>();
            _streams[persistenceId] = stream;
        }
        return stream;
    }
}
