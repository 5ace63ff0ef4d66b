using System.Threading.Channels;

namespace FileSync.Persistence.Journal;

/// <summary>
/// Gathers the writes of many actors into shared transactions (group commit): while one transaction is in
/// flight, new writes queue up, and the next transaction takes all of them (up to the batch size in events).
/// Each caller's task completes only after the transaction holding its write has committed.
/// If a shared transaction fails, each of its writes is retried alone, so one conflicting writer fails only itself.
/// </summary>
internal sealed class GroupCommitter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _batchSize;
    private readonly Func<IReadOnlyList<AtomicWrite>, Task> _commitBatch;
    private readonly Func<AtomicWrite, Exception, Exception> _describeFailure;
    private readonly Task _loop;

    /// <param name="batchSize">Most events in one transaction (a single larger atomic write still goes alone).</param>
    /// <param name="commitBatch">Stores the writes in ONE transaction and commits it.</param>
    /// <param name="describeFailure">Turns a provider error for a single write into the exception its caller sees.</param>
    public GroupCommitter(int batchSize, Func<IReadOnlyList<AtomicWrite>, Task> commitBatch, Func<AtomicWrite, Exception, Exception> describeFailure)
    {
        _batchSize = batchSize;
        _commitBatch = commitBatch;
        _describeFailure = describeFailure;
        _loop = Task.Run(RunAsync);
    }

    public Task EnqueueAsync(AtomicWrite write)
    {
        // Completed from a thread-pool item per batch (see Complete), so continuations never run on the commit loop.
        var pending = new PendingWrite(write, new TaskCompletionSource());
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException(new ObjectDisposedException(nameof(GroupCommitter), "The journal is shut down; the write was not stored."));
        }
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var events = 0;
            while (_queue.Reader.TryPeek(out var next) && (batch.Count == 0 || events + next.Write.Events.Count <= _batchSize))
            {
                _queue.Reader.TryRead(out _);
                batch.Add(next);
                events += next.Write.Events.Count;
            }
            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        try
        {
            await _commitBatch(batch.ConvertAll(p => p.Write)).ConfigureAwait(false);
            Complete(batch.ToArray(), null);
            return;
        }
        catch (Exception ex) when (batch.Count == 1)
        {
            Complete([batch[0]], _describeFailure(batch[0].Write, ex));
            return;
        }
        catch (Exception)
        {
            // Fall through: find out which write(s) broke the shared transaction by committing each alone.
        }
        foreach (var p in batch)
        {
            try
            {
                await _commitBatch([p.Write]).ConfigureAwait(false);
                Complete([p], null);
            }
            catch (Exception ex)
            {
                Complete([p], _describeFailure(p.Write, ex));
            }
        }
    }

    // One thread-pool hop per batch instead of one per write: the callers' continuations (mostly "post to my
    // actor's mailbox") run there, and the commit loop goes straight on to the next batch.
    private static void Complete(PendingWrite[] writes, Exception? failure) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state =>
        {
            foreach (var p in state.writes)
            {
                if (state.failure is null) p.Done.TrySetResult();
                else p.Done.TrySetException(state.failure);
            }
        }, (writes, failure), preferLocal: false);

    private sealed record PendingWrite(AtomicWrite Write, TaskCompletionSource Done);
}
