using FileSync.Storage.Chunking;
using FileSync.Storage.Content;

namespace FileSync.Sync.Incoming;

/// <summary>
/// Stores a batch of received chunks (each already verified against its hash) through the chunk store's
/// public API. The store has no "store these chunks" batch call, so the batch goes through its upload path:
/// <see cref="ChunkStore.WriteContentAsync"/> of the chunks' bytes back to back, which writes in large
/// transactions with deferred durability. That path cuts the bytes again, and the cutter starts afresh at
/// every boundary, so chunks cut by the same chunking options come out identical; whatever it cut
/// differently (another node's chunk sizes, a file's short last chunk in the middle of a batch) is stored one
/// by one. The throwaway content that lists them is collected like any unreferenced content.
/// </summary>
internal static class ReceivedChunkWriter
{
    /// <summary>Below this many chunks the one-by-one path is as cheap.</summary>
    private const int BatchThreshold = 4;

    public static async Task StoreAsync(ChunkStore chunks, IReadOnlyList<(ChunkHash Hash, byte[] Data)> batch, CancellationToken ct)
    {
        // Chunks the store already holds (another file's, or an earlier attempt's) are not written again.
        var missing = (await chunks.GetMissingChunksAsync(batch.Select(c => c.Hash), ct).ConfigureAwait(false)).ToHashSet();
        var toStore = batch.Where(c => missing.Contains(c.Hash)).ToList();
        if (toStore.Count >= BatchThreshold)
        {
            var bytes = new byte[toStore.Sum(c => (long)c.Data.Length)];
            var offset = 0;
            foreach (var (_, data) in toStore)
            {
                data.CopyTo(bytes, offset);
                offset += data.Length;
            }
            var content = await chunks.WriteContentAsync(new MemoryStream(bytes, writable: false), ct).ConfigureAwait(false);
            var stored = (await chunks.GetChunkListAsync(content.Id, ct).ConfigureAwait(false)).Select(c => c.Hash).ToHashSet();
            toStore = toStore.Where(c => !stored.Contains(c.Hash)).ToList();
        }
        foreach (var (hash, data) in toStore)
            await chunks.StoreChunkAsync(hash, data, ct).ConfigureAwait(false);
    }
}
