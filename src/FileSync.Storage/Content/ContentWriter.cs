using System.Buffers;
using System.Security.Cryptography;
using FileSync.Storage.Chunking;
using FileSync.Storage.Database;

namespace FileSync.Storage.Content;

/// <summary>
/// Turns a stream into a stored content: reads it in large buffers, cuts content-defined chunks, hashes
/// each chunk and the whole content, and writes batches to the chunk store. Chunking the next buffer
/// overlaps with writing the previous batch. Runs in the uploading caller, never inside an actor.
/// </summary>
internal sealed class ContentWriter(ChunkStore store, ChunkingOptions chunking)
{
    private const int MinBufferSize = 4 * 1024 * 1024;

    public async Task<StoredContent> WriteAsync(Stream content, CancellationToken ct)
    {
        var bufferSize = Math.Max(MinBufferSize, 4 * chunking.Max);
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        using var wholeHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var contentId = await store.BeginContentAsync(ct).ConfigureAwait(false);
        try
        {
            var filled = 0;
            long fileOffset = 0;
            var seq = 0;
            var endOfStream = false;
            Task pendingWrite = Task.CompletedTask;
            while (!endOfStream)
            {
                var read = await FillAsync(content, buffer.AsMemory(filled, bufferSize - filled), ct).ConfigureAwait(false);
                // The whole-content hash runs on another core while this one cuts and hashes chunks;
                // both only read the buffer, and both finish before the buffer is touched again.
                var newBytes = filled;
                var hashing = Task.Run(() => wholeHash.AppendData(buffer, newBytes, read), ct);
                filled += read;
                endOfStream = filled < bufferSize;

                var (chunks, refs, consumed) = CutBatch(buffer.AsSpan(0, filled), fileOffset, endOfStream);
                await hashing.ConfigureAwait(false);
                await pendingWrite.ConfigureAwait(false);
                if (chunks.Count > 0) pendingWrite = store.AppendBatchAsync(contentId, seq, chunks, refs, ct);
                seq += chunks.Count;
                fileOffset += consumed;
                // The tail that could not be cut yet moves to the front and waits for more data.
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
            await pendingWrite.ConfigureAwait(false);
            var contentHash = Convert.ToHexStringLower(wholeHash.GetHashAndReset());
            await store.CompleteContentAsync(contentId, fileOffset, contentHash, ct).ConfigureAwait(false);
            return new StoredContent(contentId, fileOffset, contentHash, seq);
        }
        finally
        {
            store.EndContent(contentId);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private (List<ChunkData> Chunks, List<ChunkRef> Refs, int Consumed) CutBatch(ReadOnlySpan<byte> data, long fileOffset, bool final)
    {
        var chunks = new List<ChunkData>();
        var refs = new List<ChunkRef>();
        var position = 0;
        // Without the end of the stream, a cut is only taken when a whole maximum-size window is visible,
        // so boundaries never depend on how the stream happened to be buffered.
        while (position < data.Length && (final || data.Length - position >= chunking.Max))
        {
            var rest = data[position..];
            var length = ContentDefinedChunker.FindCut(rest, chunking);
            var bytes = rest[..length];
            var hash = ChunkHash.Compute(bytes);
            chunks.Add(new ChunkData(hash, bytes.ToArray()));
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
