using System.Buffers;
using System.Security.Cryptography;
using FileSync.Storage.Chunking;
using FileSync.Storage.Database;

namespace FileSync.Storage.Content;

/// <summary>
/// Turns a stream into a stored content: reads it in large buffers, cuts content-defined chunks, hashes
/// each chunk and the whole content, and writes batches to the chunk store. Runs in the uploading caller,
/// never inside an actor.
/// </summary>
/// <remarks>
/// Two buffers take turns: while one buffer's batch is being written (its chunks are slices of that buffer,
/// not copies), the next bytes are read into the other and cut. A buffer is refilled only after the write
/// of its previous batch has finished.
/// </remarks>
internal sealed class ContentWriter(ChunkStore store, ChunkingOptions chunking)
{
    private const int MinBufferSize = 4 * 1024 * 1024;

    public async Task<StoredContent> WriteAsync(Stream content, CancellationToken ct)
    {
        var bufferSize = Math.Max(MinBufferSize, 4 * chunking.Max);
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(bufferSize), ArrayPool<byte>.Shared.Rent(bufferSize) };
        using var wholeHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var contentId = await store.BeginContentAsync(ct).ConfigureAwait(false);
        Task pendingWrite = Task.CompletedTask;
        try
        {
            var buffer = buffers[0];
            var filled = 0;
            long fileOffset = 0;
            var seq = 0;
            var endOfStream = false;
            while (!endOfStream)
            {
                var read = await FillAsync(content, buffer.AsMemory(filled, bufferSize - filled), ct).ConfigureAwait(false);
                // The whole-content hash runs on another core while this one cuts and hashes chunks;
                // both only read the buffer.
                var newBytes = filled;
                var current = buffer;
                var hashing = Task.Run(() => wholeHash.AppendData(current, newBytes, read), ct);
                filled += read;
                endOfStream = filled < bufferSize;

                var (chunks, refs, consumed) = CutBatch(buffer.AsMemory(0, filled), fileOffset, endOfStream);
                await hashing.ConfigureAwait(false);
                // The other buffer's batch must be stored before that buffer is refilled (next iteration).
                await pendingWrite.ConfigureAwait(false);
                if (chunks.Count > 0) pendingWrite = store.AppendBatchAsync(contentId, seq, chunks, refs, ct);
                seq += chunks.Count;
                fileOffset += consumed;
                // The tail that could not be cut yet moves to the front of the other buffer and waits for more data.
                var next = buffer == buffers[0] ? buffers[1] : buffers[0];
                Buffer.BlockCopy(buffer, consumed, next, 0, filled - consumed);
                filled -= consumed;
                buffer = next;
            }
            await pendingWrite.ConfigureAwait(false);
            var contentHash = Convert.ToHexStringLower(wholeHash.GetHashAndReset());
            await store.CompleteContentAsync(contentId, fileOffset, contentHash, ct).ConfigureAwait(false);
            return new StoredContent(contentId, fileOffset, contentHash, seq);
        }
        finally
        {
            // A failed upload may still have a batch in flight that reads a buffer: let it end before the buffers go back.
            await pendingWrite.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            store.EndContent(contentId);
            foreach (var b in buffers) ArrayPool<byte>.Shared.Return(b);
        }
    }

    private (List<ChunkData> Chunks, List<ChunkRef> Refs, int Consumed) CutBatch(ReadOnlyMemory<byte> data, long fileOffset, bool final)
    {
        var chunks = new List<ChunkData>();
        var refs = new List<ChunkRef>();
        var position = 0;
        var span = data.Span;
        // Without the end of the stream, a cut is only taken when a whole maximum-size window is visible,
        // so boundaries never depend on how the stream happened to be buffered.
        while (position < span.Length && (final || span.Length - position >= chunking.Max))
        {
            var length = ContentDefinedChunker.FindCut(span[position..], chunking);
            var hash = ChunkHash.Compute(span.Slice(position, length));
            chunks.Add(new ChunkData(hash, data.Slice(position, length)));
            refs.Add(new ChunkRef(hash, fileOffset + position, length));
            position += length;
        }
        return (chunks, refs, position);
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
