using System.Buffers;
using System.Runtime.InteropServices;
using FileSync.Storage.Chunking;
using FileSync.Storage.Chunking.Blake3;
using FileSync.Storage.Database;

namespace FileSync.Storage.Content;

/// <summary>
/// Turns a stream into a stored content: reads it in large buffers, cuts content-defined chunks, hashes
/// each chunk and the whole content, and writes batches to the chunk store. Runs in the uploading caller,
/// never inside an actor.
/// </summary>
/// <remarks>
/// A pipeline over three buffers that take turns, so the work spreads over two cores and I/O waits overlap
/// with hashing. For buffer N this task reads and cuts (<see cref="ContentDefinedChunker.CutAll"/>); on the
/// thread pool, the whole-content hash takes in the new bytes, the chunks are hashed in one
/// <see cref="ChunkHash.ComputeAll"/> call, then <em>staged</em> (looked up where the known-chunks filter cannot
/// rule them out; new bytes written to a pack file, whose fsync runs beside the next write) and <em>indexed</em>
/// (chunk index rows and the chunk list's runs in one transaction: per ~32k chunks in pack mode, per batch
/// otherwise, after the fsyncs of its pack bytes). Each of the three background chains keeps stream order;
/// indexing overlaps staging, and in pack mode staging runs up to <see cref="MaxStagedAheadBatches"/> ahead, so a
/// group's transaction does not stall the upload. A chunk is a slice of its buffer, not a copy, so a buffer is
/// refilled only when its hash and its batch are done with it (in pack mode once written to the pack; otherwise
/// once indexed). In flight per upload: three buffers (12 MiB) and the staged batches not yet indexed (hashes,
/// list entries and locations, ~150 bytes per chunk).
/// </remarks>
internal sealed class ContentWriter(ChunkStore store, ChunkingOptions chunking)
{
    private const int MinBufferSize = 4 * 1024 * 1024;
    private const int BufferCount = 3;

    /// <summary>
    /// Pack mode indexes staged batches in groups of about this many chunks (~256 MiB of content) per transaction.
    /// The chunk index is keyed by a random hash, so one transaction per 4 MiB batch rewrote most index leaf pages
    /// into the WAL every time (~0.5 GB of WAL frames per GiB uploaded); a group writes each touched page once.
    /// Costs ~100 bytes of memory per chunk of the group (hashes and locations, no chunk bytes).
    /// </summary>
    private const int IndexGroupChunks = 32 * 1024;

    /// <summary>
    /// In pack mode, how many batches staging may run ahead of indexing: while a group's transaction runs
    /// (100–200 ms per 32k chunks, 10–25 batches at upload speed), the next batches are staged instead of
    /// stalling the upload. Costs ~150 bytes per chunk staged ahead (hashes, list entries and locations; the
    /// bytes are in the pack already), ~2 MB at most.
    /// Without packs the buffers hold the bytes until indexed, so the lag is the buffer count.
    /// </summary>
    private const int MaxStagedAheadBatches = 32;

    public async Task<StoredContent> WriteAsync(Stream content, CancellationToken ct)
    {
        var bufferSize = Math.Max(MinBufferSize, 4 * chunking.Max);
        var buffers = new byte[BufferCount][];
        for (var i = 0; i < BufferCount; i++) buffers[i] = ArrayPool<byte>.Shared.Rent(bufferSize);
        // Per buffer: when it may be refilled. And the index links of staged batches, oldest first.
        var released = Enumerable.Repeat(Task.CompletedTask, BufferCount).ToArray();
        var unindexed = new Queue<Task>();
        var stagedAhead = store.StagingReleasesBytes ? MaxStagedAheadBatches : BufferCount;
        var pending = new PendingChunks();
        var group = new StagedGroup();
        // Set when an index transaction fails: batches not yet staged then fail at once, instead of when the lag's
        // gate reaches the failed link (up to MaxStagedAheadBatches later). Those staged before stay as dead pack bytes.
        var indexFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wholeHash = new Blake3Incremental();
        var contentId = await store.BeginContentAsync(ct).ConfigureAwait(false);
        var hashing = Task.CompletedTask;
        Task<StagedBatch?> staging = Task.FromResult<StagedBatch?>(null);
        var indexing = Task.CompletedTask;
        try
        {
            var index = 0;
            var filled = 0;
            long fileOffset = 0;
            var chunkCount = 0;
            var endOfStream = false;
            while (!endOfStream)
            {
                var buffer = buffers[index];
                var read = await FillAsync(content, buffer.AsMemory(filled, bufferSize - filled), ct).ConfigureAwait(false);
                hashing = HashAfterAsync(hashing, wholeHash, buffer, filled, read);
                filled += read;
                endOfStream = filled < bufferSize;

                var lengths = new List<int>(filled / chunking.Avg + 16);
                var consumed = ContentDefinedChunker.CutAll(buffer.AsSpan(0, filled), endOfStream, chunking, lengths);
                if (lengths.Count > 0)
                {
                    // Staging runs at most stagedAhead batches ahead of indexing: bounded lag.
                    var gate = unindexed.Count >= stagedAhead ? unindexed.Dequeue() : Task.CompletedTask;
                    staging = StageAfterAsync(staging, gate, indexFailed.Task, contentId, buffer, lengths, fileOffset, pending, ct);
                    indexing = IndexAfterAsync(indexing, staging, group, pending, indexFailed, ct);
                    unindexed.Enqueue(indexing);
                }
                released[index] = Task.WhenAll(hashing, store.StagingReleasesBytes ? staging : indexing);
                chunkCount += lengths.Count;
                fileOffset += consumed;

                // The tail that could not be cut yet moves to the front of the next buffer and waits for more data.
                var next = (index + 1) % BufferCount;
                await released[next].ConfigureAwait(false);
                Buffer.BlockCopy(buffer, consumed, buffers[next], 0, filled - consumed);
                filled -= consumed;
                index = next;
            }
            indexing = FlushAfterAsync(indexing, group, pending, indexFailed, ct);
            await indexing.ConfigureAwait(false);
            await hashing.ConfigureAwait(false);
            var contentHash = wholeHash.FinishHex();
            await store.CompleteContentAsync(contentId, fileOffset, contentHash, ct).ConfigureAwait(false);
            return new StoredContent(contentId, fileOffset, contentHash, chunkCount);
        }
        finally
        {
            // A failed upload may still have work in flight that reads a buffer: let it end before the buffers go back.
            await Task.WhenAll(released.Concat(unindexed).Append(hashing).Append(staging).Append(indexing))
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // Batches a failure left unindexed in the group: their packs may be judged by collection again.
            Release(group.TakeAll(), pending);
            store.EndContent(contentId);
            foreach (var b in buffers) ArrayPool<byte>.Shared.Return(b);
            _ = indexFailed.Task.Exception; // observed: the index chain carries the same error to the caller
        }
    }

    /// <summary>Appends new bytes to the whole-content hash after the bytes before them, on the thread pool.</summary>
    private static async Task HashAfterAsync(Task previous, Blake3Incremental hash, byte[] buffer, int offset, int count)
    {
        await previous.ConfigureAwait(false);
        await Task.Run(() => hash.Append(buffer.AsSpan(offset, count))).ConfigureAwait(false);
    }

    /// <summary>
    /// Hashes a batch's chunks on the thread pool (overlapping the previous batch's staging), then stages the
    /// batch after the previous one and once <paramref name="gate"/> (an earlier batch's indexing) is done —
    /// unless an index transaction of this upload failed meanwhile (<paramref name="indexFailed"/>): then with its error.
    /// </summary>
    private async Task<StagedBatch?> StageAfterAsync(Task<StagedBatch?> previous, Task gate, Task indexFailed, long contentId, byte[] buffer,
        List<int> lengths, long startOffset, PendingChunks pending, CancellationToken ct)
    {
        var chunks = await Task.Run(() => HashChunks(buffer, lengths), ct).ConfigureAwait(false);
        await previous.ConfigureAwait(false);
        await gate.ConfigureAwait(false);
        if (indexFailed.IsFaulted) await indexFailed.ConfigureAwait(false);
        var staged = await store.StageBatchAsync(contentId, startOffset, chunks, pending, ct).ConfigureAwait(false);
        pending.Add(staged);
        return staged;
    }

    /// <summary>
    /// Adds a staged batch to the group waiting for its index transaction (in stream order, after the previous
    /// batch), and writes the group once it is large enough — or at once where staged batches still hold their
    /// buffer's bytes (no pack files).
    /// </summary>
    private async Task IndexAfterAsync(Task previous, Task<StagedBatch?> staging, StagedGroup group, PendingChunks pending,
        TaskCompletionSource indexFailed, CancellationToken ct)
    {
        var staged = await staging.ConfigureAwait(false) ?? throw new InvalidOperationException("A batch was indexed before it was staged.");
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch
        {
            Release([staged], pending);   // an earlier batch failed: this one will never be indexed
            throw;
        }
        group.Add(staged);
        if (!store.StagingReleasesBytes || group.ChunkCount >= IndexGroupChunks) await FlushAsync(group, pending, indexFailed, ct).ConfigureAwait(false);
    }

    /// <summary>Writes what the group still holds, after the previous link of the index chain.</summary>
    private async Task FlushAfterAsync(Task previous, StagedGroup group, PendingChunks pending, TaskCompletionSource indexFailed, CancellationToken ct)
    {
        await previous.ConfigureAwait(false);
        await FlushAsync(group, pending, indexFailed, ct).ConfigureAwait(false);
    }

    private async Task FlushAsync(StagedGroup group, PendingChunks pending, TaskCompletionSource indexFailed, CancellationToken ct)
    {
        var batches = group.TakeAll();
        if (batches.Count == 0) return;
        try
        {
            await store.IndexBatchesAsync(batches, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            indexFailed.TrySetException(e);
            throw;
        }
        finally
        {
            // Indexed, or never will be: either way their packs may be judged by collection again.
            Release(batches, pending);
        }
    }

    private void Release(IReadOnlyList<StagedBatch> batches, PendingChunks pending)
    {
        foreach (var batch in batches)
        {
            pending.Remove(batch);
            store.ReleaseStaged(batch);
        }
    }

    /// <summary>All chunks of a batch hashed in one call (BLAKE3 hashes them side by side in vector lanes).</summary>
    private static ChunkData[] HashChunks(byte[] buffer, List<int> lengths)
    {
        var hashes = new ChunkHash[lengths.Count];
        ChunkHash.ComputeAll(buffer, CollectionsMarshal.AsSpan(lengths), hashes);
        var chunks = new ChunkData[hashes.Length];
        var position = 0;
        for (var i = 0; i < chunks.Length; i++)
        {
            chunks[i] = new ChunkData(hashes[i], buffer.AsMemory(position, lengths[i]));
            position += lengths[i];
        }
        return chunks;
    }

    private static async Task<int> FillAsync(Stream stream, Memory<byte> target, CancellationToken ct)
    {
        var total = 0;
        while (total < target.Length)
        {
            var n = await stream.ReadAsync(target[total..], ct).ConfigureAwait(false);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}

/// <summary>
/// Chunks this upload has staged but not yet indexed: a later batch repeating one of them reuses it instead of
/// writing its bytes again (the database does not show it yet). Touched by the staging and indexing chains.
/// Kept as a running count per hash: the set was rebuilt from every pending batch for each new batch before.
/// </summary>
internal sealed class PendingChunks
{
    private readonly Dictionary<ChunkHash, int> _staged = [];

    public void Add(StagedBatch batch)
    {
        lock (_staged)
        {
            foreach (var chunk in batch.Fresh)
                _staged[chunk.Hash] = _staged.GetValueOrDefault(chunk.Hash) + 1;
        }
    }

    public void Remove(StagedBatch batch)
    {
        lock (_staged)
        {
            foreach (var chunk in batch.Fresh)
            {
                var n = _staged.GetValueOrDefault(chunk.Hash);
                if (n <= 1) _staged.Remove(chunk.Hash);
                else _staged[chunk.Hash] = n - 1;
            }
        }
    }

    public bool Contains(ChunkHash hash)
    {
        lock (_staged) return _staged.ContainsKey(hash);
    }
}

/// <summary>
/// Staged batches of one upload waiting for their common index transaction. No lock: only the index chain touches
/// it, one link after the other (each awaits the previous), and the upload's cleanup once that chain has ended.
/// </summary>
internal sealed class StagedGroup
{
    private List<StagedBatch> _batches = [];

    public int ChunkCount { get; private set; }

    public void Add(StagedBatch batch)
    {
        _batches.Add(batch);
        ChunkCount += batch.Fresh.Count + batch.Reused.Count;
    }

    /// <summary>Empties the group and returns what it held.</summary>
    public List<StagedBatch> TakeAll()
    {
        var taken = _batches;
        _batches = [];
        ChunkCount = 0;
        return taken;
    }
}
