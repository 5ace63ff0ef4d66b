using FileSync.Storage.Chunking;
using FileSync.Storage.Content;

namespace FileSync.Sync.Incoming;

/// <summary>Stores a batch of received chunks in one transaction (<see cref="ChunkStore.StoreChunksAsync"/>).</summary>
internal static class ReceivedChunkWriter
{
    public static Task StoreAsync(ChunkStore chunks, IReadOnlyList<(ChunkHash Hash, byte[] Data)> batch, CancellationToken ct) =>
        chunks.StoreChunksAsync(batch.Select(c => (c.Hash, (ReadOnlyMemory<byte>)c.Data)).ToList(), ct);
}
