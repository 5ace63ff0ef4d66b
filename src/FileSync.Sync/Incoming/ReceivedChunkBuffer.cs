using FileSync.Storage.Chunking;
using FileSync.Storage.Content;

namespace FileSync.Sync.Incoming;

/// <summary>
/// Collects chunks received as data (already verified against their hashes) and stores them in batches,
/// so a transfer of many chunks does not pay one database transaction per chunk. Holds at most
/// <see cref="MaxBufferedBytes"/> of chunk bytes; <see cref="FlushAsync"/> before committing a version.
/// </summary>
internal sealed class ReceivedChunkBuffer(ChunkStore chunks)
{
    public const int MaxBufferedBytes = 8 * 1024 * 1024;
    private readonly List<(ChunkHash Hash, byte[] Data)> _pending = [];
    private readonly HashSet<ChunkHash> _pendingHashes = [];
    private int _bufferedBytes;

    /// <summary>Queues a chunk whose bytes were checked against <paramref name="hash"/>; stores the batch when it is full.</summary>
    public async Task AddAsync(ChunkHash hash, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (!_pendingHashes.Add(hash)) return;
        _pending.Add((hash, data.ToArray()));
        _bufferedBytes += data.Length;
        if (_bufferedBytes >= MaxBufferedBytes) await FlushAsync(ct).ConfigureAwait(false);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        await ReceivedChunkWriter.StoreAsync(chunks, _pending, ct).ConfigureAwait(false);
        _pending.Clear();
        _pendingHashes.Clear();
        _bufferedBytes = 0;
    }

    /// <summary>Forgets what was not stored yet (the file failed; nothing of it is committed).</summary>
    public void Discard()
    {
        _pending.Clear();
        _pendingHashes.Clear();
        _bufferedBytes = 0;
    }
}
