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
/// A pipeline over three buffers that take turns, so the work spreads over two cores: this task reads and
/// cuts buffer N while the whole-content hash of the new bytes runs on the thread pool, and the chunks of
/// buffer N-1 are hashed and stored (a chunk is a slice of its buffer, not a copy). Both background chains
/// keep stream order. A buffer is refilled only when its hash and its batch are done, so at most three
/// buffers (12 MiB) are in flight per upload.
/// </remarks>
internal sealed class ContentWriter(ChunkStore store, ChunkingOptions chunking)
{
    private const int MinBufferSize = 4 * 1024 * 1024;
    private const int BufferCount = 3;

    public async Task<StoredContent> WriteAsync(Stream content, CancellationToken ct)
    {
        var bufferSize = Math.Max(MinBufferSize, 4 * chunking.Max);
        var buffers = new byte[BufferCount][];
        for (var i = 0; i < BufferCount; i++) buffers[i] = ArrayPool<byte>.Shared.Rent(bufferSize);
        // When each buffer may be refilled: its whole-content hash and its batch are done.
        var released = Enumerable.Repeat(Task.CompletedTask, BufferCount).ToArray();
        using var wholeHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var contentId = await store.BeginContentAsync(ct).ConfigureAwait(false);
        var hashing = Task.CompletedTask;
        var storing = Task.CompletedTask;
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

                var lengths = Cut(buffer.AsSpan(0, filled), endOfStream);
                if (lengths.Count > 0) storing = StoreAfterAsync(storing, contentId, buffer, lengths, fileOffset, ct);
                released[index] = Task.WhenAll(hashing, storing);
                var consumed = lengths.Sum();
                chunkCount += lengths.Count;
                fileOffset += consumed;

                // The tail that could not be cut yet moves to the front of the next buffer and waits for more data.
                var next = (index + 1) % BufferCount;
                await released[next].ConfigureAwait(false);
                Buffer.BlockCopy(buffer, consumed, buffers[next], 0, filled - consumed);
                filled -= consumed;
                index = next;
            }
            await storing.ConfigureAwait(false);
            await hashing.ConfigureAwait(false);
            var contentHash = Convert.ToHexStringLower(wholeHash.GetHashAndReset());
            await store.CompleteContentAsync(contentId, fileOffset, contentHash, ct).ConfigureAwait(false);
            return new StoredContent(contentId, fileOffset, contentHash, chunkCount);
        }
        finally
        {
            // A failed upload may still have work in flight that reads a buffer: let it end before the buffers go back.
            await Task.WhenAll(released.Append(hashing).Append(storing)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            store.EndContent(contentId);
            foreach (var b in buffers) ArrayPool<byte>.Shared.Return(b);
        }
    }

    /// <summary>Appends new bytes to the whole-content hash after the bytes before them, on the thread pool.</summary>
    private static async Task HashAfterAsync(Task previous, IncrementalHash hash, byte[] buffer, int offset, int count)
    {
        await previous.ConfigureAwait(false);
        await Task.Run(() => hash.AppendData(buffer, offset, count)).ConfigureAwait(false);
    }

    /// <summary>
    /// Hashes a batch's chunks on the thread pool (overlapping the previous batch's write), then stores the
    /// batch after the previous one.
    /// </summary>
    private async Task StoreAfterAsync(Task previous, long contentId, byte[] buffer, List<int> lengths, long startOffset, CancellationToken ct)
    {
        var chunks = await Task.Run(() => HashChunks(buffer, lengths), ct).ConfigureAwait(false);
        await previous.ConfigureAwait(false);
        await store.AppendBatchAsync(contentId, startOffset, chunks, ct).ConfigureAwait(false);
    }

    private static ChunkData[] HashChunks(byte[] buffer, List<int> lengths)
    {
        var chunks = new ChunkData[lengths.Count];
        var position = 0;
        for (var i = 0; i < chunks.Length; i++)
        {
            var slice = buffer.AsMemory(position, lengths[i]);
            chunks[i] = new ChunkData(ChunkHash.Compute(slice.Span), slice);
            position += lengths[i];
        }
        return chunks;
    }

    /// <summary>The lengths of the chunks cut from the front of <paramref name="data"/>.</summary>
    private List<int> Cut(ReadOnlySpan<byte> data, bool final)
    {
        var lengths = new List<int>(data.Length / chunking.Avg + 1);
        var position = 0;
        // Without the end of the stream, a cut is only taken when a whole maximum-size window is visible,
        // so boundaries never depend on how the stream happened to be buffered.
        while (position < data.Length && (final || data.Length - position >= chunking.Max))
        {
            var length = ContentDefinedChunker.FindCut(data[position..], chunking);
            lengths.Add(length);
            position += length;
        }
        return lengths;
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
