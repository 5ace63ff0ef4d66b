using System.Collections.Concurrent;
using FileSync.Storage.Database;
using Microsoft.Win32.SafeHandles;

namespace FileSync.Storage.Content;

/// <summary>
/// Chunk bytes of the SQLite mode: append-only pack files <c>&lt;data-dir&gt;/packs/pack-NNNNNNNN.dat</c>
/// (names come from numeric ids only), shared by all uploads of the node, with a (hash → pack, offset,
/// length) index in the database. Measured several times faster than SQLite BLOBs: bytes are written once,
/// sequentially, instead of through the WAL and again by checkpoints.
/// </summary>
/// <remarks>
/// Ordering: bytes are written and fsynced <em>before</em> their index rows are inserted, so an index row
/// never points at bytes that a crash could lose, and a chunk another upload deduplicates against is
/// always durable. A pack is never appended to after a restart (its tail may hold bytes of an upload that
/// was killed); packs no index row points at are deleted by collection. Space of dead chunks inside a pack
/// that still holds live ones is not reclaimed (no compaction yet).
/// </remarks>
internal sealed class PackFiles : IAsyncDisposable
{
    /// <summary>A pack is closed for appends once it reaches this size.</summary>
    public const long RollSize = 256L * 1024 * 1024;

    private readonly string _directory;
    private readonly StorageDatabase _db;
    private readonly SemaphoreSlim _appendGate = new(1, 1);
    private readonly ConcurrentDictionary<long, SafeFileHandle> _handles = new();
    // Packs holding bytes whose index rows are not written yet (count per pack): collection must not delete them
    // even when a newer pack is current and no index row names them yet.
    private readonly ConcurrentDictionary<long, int> _unindexed = new();
    private long _currentId = -1;
    private long _currentLength;

    public PackFiles(string dataDirectory, StorageDatabase db)
    {
        _directory = Path.Combine(dataDirectory, "packs");
        Directory.CreateDirectory(_directory);
        _db = db;
    }

    /// <summary>The pack currently receiving appends (-1 before the first append); collection never deletes it.</summary>
    public long CurrentId => Interlocked.Read(ref _currentId);

    /// <summary>
    /// Writes the chunks' bytes and returns them with their locations, and a task that ends once they are durable
    /// (the fsync runs on the thread pool, so the caller may write its next batch meanwhile; await it before any
    /// index row names these bytes). The pack stays protected from collection until <see cref="Indexed"/> is called
    /// for it (once per call that wrote chunks).
    /// </summary>
    public async Task<PlacedChunks> AppendAsync(IReadOnlyList<ChunkData> chunks, CancellationToken ct)
    {
        if (chunks.Count == 0) return new PlacedChunks(chunks, Task.CompletedTask);
        long packId;
        long start;
        var total = chunks.Sum(c => (long)c.Data.Length);
        await _appendGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Only the range is reserved under the gate; the writes and the fsync run concurrently with other uploads.
            if (_currentId < 0 || _currentLength >= RollSize) await RollAsync(ct).ConfigureAwait(false);
            packId = _currentId;
            start = _currentLength;
            _currentLength += total;
            _unindexed.AddOrUpdate(packId, 1, (_, n) => n + 1);
        }
        finally
        {
            _appendGate.Release();
        }
        var handle = Handle(packId);
        var located = new ChunkData[chunks.Count];
        var pieces = new ReadOnlyMemory<byte>[chunks.Count];
        long offset = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            located[i] = chunks[i] with { PackId = packId, PackOffset = start + offset };
            pieces[i] = chunks[i].Data;
            offset += chunks[i].Data.Length;
        }
        try
        {
            // One gathering write: no copy of the batch into a (large-object-heap) buffer of its own.
            await RandomAccess.WriteAsync(handle, pieces, start, ct).ConfigureAwait(false);
        }
        catch
        {
            Indexed(packId);   // nothing will index these bytes
            throw;
        }
        return new PlacedChunks(located, Task.Run(() => RandomAccess.FlushToDisk(handle), CancellationToken.None));
    }

    /// <summary>The index rows of one append to <paramref name="packId"/> are written (or will never be).</summary>
    public void Indexed(long packId)
    {
        while (_unindexed.TryGetValue(packId, out var n))
        {
            if (n <= 1 ? _unindexed.TryRemove(new KeyValuePair<long, int>(packId, n)) : _unindexed.TryUpdate(packId, n - 1, n)) return;
        }
    }

    public byte[] Read(long packId, long offset, int length)
    {
        var bytes = new byte[length];
        ReadExactly(packId, offset, bytes);
        return bytes;
    }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/> of the pack (one pread in the usual case).</summary>
    public void ReadExactly(long packId, long offset, Span<byte> destination)
    {
        var read = 0;
        var handle = Handle(packId);
        while (read < destination.Length)
        {
            var n = RandomAccess.Read(handle, destination[read..], offset + read);
            if (n == 0)
                throw new IOException($"Pack {packId} ends before offset {offset + destination.Length} (a read of {destination.Length} bytes from {offset}); the pack file is damaged.");
            read += n;
        }
    }

    /// <summary>
    /// Deletes packs that neither a chunk index row nor a chunk list's locations point at (except the current one).
    /// The locations count too: when two writers stored the same new chunk at once, the index keeps one copy, and the
    /// other writer's list still names its own copy; its pack must outlive that list.
    /// </summary>
    public async Task<int> DeleteUnusedAsync(CancellationToken ct)
    {
        var unused = new List<long>();
        var named = new HashSet<long>();
        await using (var connection = await _db.OpenAsync(ct).ConfigureAwait(false))
        {
            await using (var command = connection.Command(
                // One scan of the chunk index (it has no index by pack: that would cost an insert per chunk).
                "SELECT id FROM storage_packs WHERE id <> @current AND id NOT IN (SELECT DISTINCT pack_id FROM storage_chunks WHERE pack_id IS NOT NULL)",
                null, ("@current", CurrentId)))
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) unused.Add(reader.GetInt64(0));
            }
            if (unused.Count > 0)
            {
                await using var lists = connection.Command("SELECT locations FROM storage_chunk_lists WHERE locations IS NOT NULL");
                await using var reader = await lists.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) ChunkListRows.AddPackIds((byte[])reader.GetValue(0), named);
            }
        }
        unused.RemoveAll(id => _unindexed.ContainsKey(id) || named.Contains(id));
        foreach (var id in unused)
        {
            if (_handles.TryRemove(id, out var handle)) handle.Dispose();
            File.Delete(PathOf(id));
            await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
            await connection.ExecAsync("DELETE FROM storage_packs WHERE id = @id", null, ct, ("@id", id)).ConfigureAwait(false);
        }
        return unused.Count;
    }

    private async Task RollAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        var id = Convert.ToInt64(await connection.ScalarAsync("INSERT INTO storage_packs(created_at) VALUES (@t) RETURNING id", null, ct,
            ("@t", Sql.UnixMs(DateTimeOffset.UtcNow))).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        _handles[id] = File.OpenHandle(PathOf(id), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        Interlocked.Exchange(ref _currentId, id);
        _currentLength = 0;
    }

    private SafeFileHandle Handle(long packId) =>
        _handles.GetOrAdd(packId, id => File.OpenHandle(PathOf(id), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete));

    private string PathOf(long packId) => Path.Combine(_directory, $"pack-{packId:D8}.dat");

    public ValueTask DisposeAsync()
    {
        foreach (var handle in _handles.Values) handle.Dispose();
        _handles.Clear();
        _appendGate.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Chunks written to a pack, with their locations, and when their bytes are durable.</summary>
internal sealed record PlacedChunks(IReadOnlyList<ChunkData> Chunks, Task Durable);
