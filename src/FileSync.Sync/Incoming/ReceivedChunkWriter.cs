using FileSync.Storage.Chunking;
using FileSync.Storage.Content;

namespace FileSync.Sync.Incoming;

/// <summary>Stores a batch of received chunks through the chunk store's public API.</summary>
internal static class ReceivedChunkWriter
{
    public static async Task StoreAsync(ChunkStore chunks, IReadOnlyList<(ChunkHash Hash, byte[] Data)> batch, CancellationToken ct)
    {
        // Chunks the store already holds (another file's, or an earlier attempt's) are not written again.
        var missing = (await chunks.GetMissingChunksAsync(batch.Select(c => c.Hash), ct).ConfigureAwait(false)).ToHashSet();
        foreach (var (hash, data) in batch)
            if (missing.Contains(hash))
                await chunks.StoreChunkAsync(hash, data, ct).ConfigureAwait(false);
    }
}
