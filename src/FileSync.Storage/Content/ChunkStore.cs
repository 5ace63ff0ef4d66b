using System.Collections.Concurrent;
using System.Data.Common;
using FileSync.Storage.Chunking;
using FileSync.Storage.Database;

namespace FileSync.Storage.Content;

/// <summary>
/// The node's chunk store, shared by all its file systems: a chunk is stored once however many files hold
/// it. A <em>content</em> is an ordered chunk list (one file version's bytes); file rows point at contents,
/// so renames, copies and metadata changes move no bytes. Contents and chunks nobody points at are collected.
/// </summary>
public sealed class ChunkStore
{
    private const int LookupBatch = 500;
    private readonly StorageDatabase _db;
    private readonly ConcurrentDictionary<long, byte> _contentsBeingWritten = new();
    private readonly PackFiles? _packs;
    // Null until loaded, and always with PostgreSQL (other nodes insert chunks too): then every hash is looked up.
    private KnownChunks? _known;
    // Counts collections of this process; a writer compares it before and inside its transaction (EnsureStillStoredAsync).
    private long _collections;

    /// <param name="packs">Where chunk bytes go; null keeps them in the database (PostgreSQL mode).</param>
    internal ChunkStore(StorageDatabase db, ChunkingOptions chunking, PackFiles? packs)
    {
        _db = db;
        Chunking = chunking;
        _packs = packs;
    }

    /// <summary>The columns <see cref="ReadPayload"/> expects, in order, for a query over storage_chunks aliased <c>c</c>.</summary>
    internal const string PayloadColumns = "c.data, c.pack_id, c.pack_offset, c.length";

    /// <summary>A chunk's bytes from a row holding <see cref="PayloadColumns"/> starting at <paramref name="first"/>.</summary>
    internal byte[] ReadPayload(DbDataReader row, int first) => ReadPayload(ReadLocation(row, first));

    /// <summary>Where a chunk's bytes are, from a row holding <see cref="PayloadColumns"/> starting at <paramref name="first"/>.</summary>
    internal static ChunkLocation ReadLocation(DbDataReader row, int first) =>
        row.IsDBNull(first)
            ? new ChunkLocation(null, row.IsDBNull(first + 1) ? null : row.GetInt64(first + 1), row.GetInt64(first + 2), checked((int)row.GetInt64(first + 3)))
            : new ChunkLocation((byte[])row.GetValue(first), null, 0, 0);

    /// <summary>A chunk's bytes: from the row itself, or read from its pack file.</summary>
    internal byte[] ReadPayload(ChunkLocation location)
    {
        if (location.Bytes is { } bytes) return bytes;
        if (_packs is null || location.PackId is not { } packId)
            throw new InvalidDataException("A chunk row has neither bytes nor a pack location; the chunk index is damaged.");
        return _packs.Read(packId, location.PackOffset, location.Length);
    }

    public ChunkingOptions Chunking { get; }

    /// <summary>
    /// Builds the filter of stored hashes that lets lookups skip certainly-new chunks (see <see cref="KnownChunks"/>),
    /// where this node is the only writer of the chunk index. Call once at open, before any upload.
    /// </summary>
    internal async Task LoadKnownChunksAsync(CancellationToken ct)
    {
        if (_db.SharedByNodes) return;
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        var stored = Convert.ToInt64(await connection.ScalarAsync("SELECT COUNT(*) FROM storage_chunks", null, ct).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
        _known = await ReadKnownChunksAsync(connection, null, 2 * stored, ct).ConfigureAwait(false);
    }

    /// <summary>A filter of every hash in the chunk index, streamed from it (no list of all hashes in memory).</summary>
    private static async Task<KnownChunks> ReadKnownChunksAsync(DbConnection connection, DbTransaction? tx, long capacity, CancellationToken ct)
    {
        var known = new KnownChunks(capacity);
        await using var command = connection.Command("SELECT hash FROM storage_chunks", tx);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var key = new byte[ChunkHash.Size];
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (reader.GetBytes(0, 0, key, 0, key.Length) == key.Length) known.Add(ChunkHash.FromBytes(key));
        }
        return known;
    }

    /// <summary>
    /// Inserts chunk index rows, adding their hashes to the known-chunks filter first (so it never says "absent"
    /// for a stored hash); rebuilds the filter from the index once it holds more than it was sized for.
    /// </summary>
    private async Task InsertChunksAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ChunkData> chunks, CancellationToken ct)
    {
        if (_known is { } known)
        {
            foreach (var chunk in chunks) known.Add(chunk.Hash);
        }
        await _db.InsertChunksAsync(connection, tx, chunks, ct).ConfigureAwait(false);
        if (_known is { Overfull: true } full)
        {
            // Under the write lock (no other insert runs) and inside this transaction (its own rows are seen).
            full.ReplaceWith(await ReadKnownChunksAsync(connection, tx, 2 * full.Count, ct).ConfigureAwait(false));
        }
    }

    /// <summary>False when the hash is certainly not stored (no lookup needed); true when it may be.</summary>
    private bool MayBeStored(ChunkHash hash) => _known?.MayContain(hash) ?? true;

    /// <summary>Chunks <paramref name="content"/> and stores it as a new content; nothing points at it until a file version is committed.</summary>
    public Task<StoredContent> WriteContentAsync(Stream content, CancellationToken ct = default) =>
        new ContentWriter(this, Chunking).WriteAsync(content, ct);

    /// <summary>The ordered chunk list of a content (hash, offset, length).</summary>
    public async Task<IReadOnlyList<ChunkRef>> GetChunkListAsync(long contentId, CancellationToken ct = default)
    {
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT start_offset, entries FROM storage_chunk_lists WHERE content_id = @c ORDER BY start_offset", null, ("@c", contentId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<ChunkRef>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            ChunkListRows.Unpack(new ChunkListRow(reader.GetInt64(0), (byte[])reader.GetValue(1)), list);
        return list;
    }

    /// <summary>Which of <paramref name="hashes"/> this node does not store (each reported once, in first-seen order).</summary>
    public async Task<IReadOnlyList<ChunkHash>> GetMissingChunksAsync(IEnumerable<ChunkHash> hashes, CancellationToken ct = default)
    {
        var distinct = hashes.Distinct().ToList();
        var present = await FindPresentAsync(distinct, ct).ConfigureAwait(false);
        return distinct.Where(h => !present.Contains(h)).ToList();
    }

    /// <summary>Which of the (distinct) <paramref name="hashes"/> have a chunk row; no query when the filter rules them all out.</summary>
    private async Task<HashSet<ChunkHash>> FindPresentAsync(IReadOnlyList<ChunkHash> hashes, CancellationToken ct)
    {
        if (!hashes.Any(MayBeStored)) return [];
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        return await FindPresentAsync(connection, null, hashes, ct).ConfigureAwait(false);
    }

    /// <summary>Which of the (distinct) <paramref name="candidates"/> have a chunk row, seen from <paramref name="tx"/>.</summary>
    private async Task<HashSet<ChunkHash>> FindPresentAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<ChunkHash> candidates, CancellationToken ct)
    {
        var present = new HashSet<ChunkHash>();
        var hashes = candidates.Where(MayBeStored).ToList();
        for (var start = 0; start < hashes.Count; start += LookupBatch)
        {
            var count = Math.Min(LookupBatch, hashes.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "SELECT hash FROM storage_chunks WHERE hash IN (" +
                HashLiterals.InList(_db.Provider, hashes.GetRange(start, count)) + ")";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) present.Add(ChunkHash.FromBytes((byte[])reader.GetValue(0)));
        }
        return present;
    }

    /// <summary>
    /// Stores a chunk received from elsewhere after checking that its bytes hash to <paramref name="expected"/>.
    /// Commit a content that lists it soon (<see cref="CreateContentAsync"/>): unreferenced chunks older than
    /// the collection grace period are collected.
    /// </summary>
    public Task StoreChunkAsync(ChunkHash expected, ReadOnlyMemory<byte> data, CancellationToken ct = default) =>
        StoreChunksAsync([(expected, data)], ct);

    /// <summary>
    /// Stores a batch of chunks received from elsewhere (a synchronization's data chunks) in one transaction,
    /// after checking that each one's bytes hash to its announced hash (none is stored when one does not);
    /// chunks the store already holds are skipped. Like an upload's batches, the write defers its fsync: the
    /// commit of the version that lists these chunks makes them durable. Commit that version soon
    /// (<see cref="CreateContentAsync"/>): unreferenced chunks older than the collection grace period are collected.
    /// </summary>
    public async Task StoreChunksAsync(IReadOnlyList<(ChunkHash Hash, ReadOnlyMemory<byte> Data)> received, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        foreach (var (expected, data) in received)
        {
            var actual = ChunkHash.Compute(data.Span);
            if (actual != expected)
                throw new InvalidDataException($"The chunk's bytes hash to {actual}, not to the announced {expected}; it was not stored.");
        }
        var missing = (await GetMissingChunksAsync(received.Select(c => c.Hash), ct).ConfigureAwait(false)).ToHashSet();
        var fresh = new List<ChunkData>(missing.Count);
        foreach (var (hash, data) in received)
            if (missing.Remove(hash)) fresh.Add(new ChunkData(hash, data.ToArray()));
        if (fresh.Count == 0) return;
        var placed = await PlaceAsync(fresh, ct).ConfigureAwait(false);
        var chunks = placed.Chunks;
        try
        {
            await placed.Durable.ConfigureAwait(false);
            using var _ = await _db.EnterWriteAsync(ct).ConfigureAwait(false);
            await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
            await _db.DeferDurabilityAsync(connection, ct).ConfigureAwait(false);
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await InsertChunksAsync(connection, tx, chunks, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            ReleasePack(chunks);
        }
    }

    /// <summary>The index rows of chunks <see cref="PlaceAsync"/> put in a pack are written (or never will be): collection may judge the pack again.</summary>
    private void ReleasePack(IReadOnlyList<ChunkData> placed)
    {
        if (_packs is not null && placed.Count > 0 && placed[0].PackId is { } packId) _packs.Indexed(packId);
    }

    /// <summary>
    /// Pack mode: writes the bytes to a pack file (durably) and returns the chunks with their locations; the
    /// caller calls <see cref="ReleasePack"/> once their index rows are written.
    /// </summary>
    private Task<PlacedChunks> PlaceAsync(IReadOnlyList<ChunkData> chunks, CancellationToken ct) =>
        _packs is null ? Task.FromResult(new PlacedChunks(chunks, Task.CompletedTask)) : _packs.AppendAsync(chunks, ct);

    /// <summary>Reads one stored chunk's bytes, or null when this node does not hold it.</summary>
    public async Task<byte[]?> ReadChunkAsync(ChunkHash hash, CancellationToken ct = default)
    {
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {PayloadColumns} FROM storage_chunks c WHERE c.hash = @h", null, ("@h", hash.ToBytes()));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadPayload(reader, 0) : null;
    }

    /// <summary>
    /// Creates a content from chunks this node already stores (a version that came from another server,
    /// or a copy) without reading any bytes. <paramref name="contentHash"/> is the sender's whole-content
    /// BLAKE3, trusted as given. Throws <see cref="MissingChunksException"/> when a chunk is absent.
    /// </summary>
    public Task<StoredContent> CreateContentAsync(IReadOnlyList<ChunkRef> chunks, string contentHash, CancellationToken ct = default) =>
        CreateContentAsync(chunks, contentHash, knownPresent: null, ct);

    /// <summary>
    /// Same as <see cref="CreateContentAsync(IReadOnlyList{ChunkRef}, string, CancellationToken)"/>, except that
    /// hashes in <paramref name="knownPresent"/> are not looked up: the caller knows they are stored because a
    /// live content lists them (e.g. the base version a delta copies from). A big file with a small edit then
    /// costs lookups for the edit only.
    /// </summary>
    public async Task<StoredContent> CreateContentAsync(IReadOnlyList<ChunkRef> chunks, string contentHash, IReadOnlySet<ChunkHash>? knownPresent,
        CancellationToken ct = default)
    {
        long expectedOffset = 0;
        foreach (var chunk in chunks)
        {
            if (chunk.Offset != expectedOffset || chunk.Length <= 0)
                throw new ArgumentException($"The chunk list is not contiguous: a chunk at offset {chunk.Offset} (length {chunk.Length}) follows offset {expectedOffset}.", nameof(chunks));
            expectedOffset = chunk.End;
        }
        var collections = Volatile.Read(ref _collections);
        var toCheck = knownPresent is null ? chunks.Select(c => c.Hash) : chunks.Select(c => c.Hash).Where(h => !knownPresent.Contains(h));
        var missing = await GetMissingChunksAsync(toCheck, ct).ConfigureAwait(false);
        if (missing.Count > 0) throw new MissingChunksException(missing);
        var id = await BeginContentAsync(ct).ConfigureAwait(false);
        try
        {
            using (await _db.EnterWriteAsync(ct).ConfigureAwait(false))
            {
                await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
                await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await InsertChunkListAsync(connection, tx, id, ChunkListRows.Pack(chunks, c => (c.Hash, c.Length), 0), ct).ConfigureAwait(false);
                await EnsureStillStoredAsync(connection, tx, chunks.Select(c => c.Hash), collections, ct).ConfigureAwait(false);
                await CompleteContentAsync(connection, tx, id, expectedOffset, contentHash, ct).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            return new StoredContent(id, expectedOffset, contentHash, chunks.Count);
        }
        finally
        {
            EndContent(id);
        }
    }

    // ---- used by ContentWriter: a content is "being written" (protected from collection) until EndContent.

    internal async Task<long> BeginContentAsync(CancellationToken ct)
    {
        using var _ = await _db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        var id = Convert.ToInt64(await connection.ScalarAsync(
            "INSERT INTO storage_contents(size, complete, created_at) VALUES (0, 0, @t) RETURNING id", null, ct,
            ("@t", Sql.UnixMs(DateTimeOffset.UtcNow))).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        _contentsBeingWritten[id] = 0;
        return id;
    }

    internal void EndContent(long contentId) => _contentsBeingWritten.TryRemove(contentId, out _);

    /// <summary>
    /// True when staged batches keep no reference to their bytes (pack mode: the bytes are in a pack file once
    /// staged), so an upload may reuse the buffer before the batch's index rows are written.
    /// </summary>
    internal bool StagingReleasesBytes => _packs is not null;

    /// <summary>
    /// First half of storing an upload's batch: finds which chunks the node lacks and, in pack mode, writes their
    /// bytes to a pack file and starts its fsync (<see cref="StagedBatch.Durable"/>; awaited before any index row
    /// names them, so the next batch's write overlaps this one's fsync). Chunks are consecutive in the file
    /// from <paramref name="startOffset"/>. Hashes in <paramref name="pending"/> were staged by earlier batches of
    /// this upload whose index rows are not written yet: reused, not stored twice. Only hashes the known-chunks
    /// filter cannot rule out are looked up, so a batch of new data usually costs no query.
    /// </summary>
    internal async Task<StagedBatch> StageBatchAsync(long contentId, long startOffset, IReadOnlyList<ChunkData> chunks,
        PendingChunks pending, CancellationToken ct)
    {
        var collections = Volatile.Read(ref _collections);
        // Pending is asked once per hash: an earlier batch may finish indexing (and leave it) while we look up.
        var toLookUp = new HashSet<ChunkHash>();
        var present = new HashSet<ChunkHash>();
        foreach (var chunk in chunks)
        {
            if (pending.Contains(chunk.Hash)) present.Add(chunk.Hash);
            else toLookUp.Add(chunk.Hash);
        }
        present.UnionWith(await FindPresentAsync(toLookUp.ToList(), ct).ConfigureAwait(false));
        // Each hash the node lacks is stored once, even when the batch repeats it; the rest is reused where it is.
        var fresh = new List<ChunkData>(chunks.Count - present.Count);
        var freshHashes = new HashSet<ChunkHash>(chunks.Count - present.Count);
        var reused = new List<ChunkHash>();
        foreach (var chunk in chunks)
        {
            if (!present.Contains(chunk.Hash) && freshHashes.Add(chunk.Hash)) fresh.Add(chunk);
            else reused.Add(chunk.Hash);
        }
        var placed = await PlaceAsync(fresh, ct).ConfigureAwait(false);
        var located = _packs is null
            ? placed.Chunks
            : placed.Chunks.Select(c => c with { Data = ReadOnlyMemory<byte>.Empty, Length = c.Data.Length }).ToList();
        var list = ChunkListRows.Pack(chunks, c => (c.Hash, c.Data.Length), startOffset);
        if (_packs is not null && located.Count > 0)
        {
            // Rows of chunks this batch wrote carry their pack locations (rows with reused chunks are looked up when read).
            var written = new Dictionary<ChunkHash, (long, long)>(located.Count);
            foreach (var chunk in located) written[chunk.Hash] = (chunk.PackId!.Value, chunk.PackOffset);
            list = list.ConvertAll(row => ChunkListRows.WithPackLocations(row, hash => written.TryGetValue(hash, out var at) ? at : null));
        }
        return new StagedBatch(contentId, list, located, reused, collections, placed.Durable);
    }

    /// <summary>
    /// Second half, for one or more consecutive staged batches of an upload: their runs of the chunk list and the
    /// index rows of their new chunks in one transaction whose fsync is deferred to the version's commit (see
    /// <see cref="StorageDatabase.DeferDurabilityAsync"/>).
    /// </summary>
    /// <remarks>Call <see cref="ReleaseStaged"/> for each batch afterwards, whether it succeeded or not.</remarks>
    internal async Task IndexBatchesAsync(IReadOnlyList<StagedBatch> batches, CancellationToken ct)
    {
        // Pack bytes before the index rows that name them (the durability rule).
        await Task.WhenAll(batches.Select(b => b.Durable)).ConfigureAwait(false);
        using var _ = await _db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        await _db.DeferDurabilityAsync(connection, ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        // The lists first: in PostgreSQL their insert waits for a collection in progress (see LockChunkListsAsync).
        foreach (var batch in batches)
            await InsertChunkListAsync(connection, tx, batch.ContentId, batch.List, ct).ConfigureAwait(false);
        await InsertChunksAsync(connection, tx, batches.Count == 1 ? batches[0].Fresh : batches.SelectMany(b => b.Fresh).ToList(), ct).ConfigureAwait(false);
        await EnsureStillStoredAsync(connection, tx, batches.SelectMany(b => b.Reused), batches.Min(b => b.CollectionsBefore), ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A staged batch is indexed, or will never be (its upload failed): its pack may be collected again.</summary>
    internal void ReleaseStaged(StagedBatch batch) => ReleasePack(batch.Fresh);

    private static async Task InsertChunkListAsync(DbConnection connection, DbTransaction tx, long contentId, IReadOnlyList<ChunkListRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var command = connection.Command(
            "INSERT INTO storage_chunk_lists(content_id, start_offset, entries, locations) VALUES (@c, @o, @e, @l)", tx, ("@c", contentId));
        var o = command.Add("@o", null);
        var e = command.Add("@e", null);
        var l = command.Add("@l", null);
        foreach (var row in rows)
        {
            o.Value = row.StartOffset;
            e.Value = row.Entries;
            l.Value = (object?)row.Locations ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A chunk list names chunks by hash only (no foreign key into packed entries), so a writer that reuses
    /// stored chunks re-checks them inside its transaction when a collection may have run since it looked:
    /// always with PostgreSQL (other nodes collect), with SQLite only when this node collected meanwhile.
    /// </summary>
    private async Task EnsureStillStoredAsync(DbConnection connection, DbTransaction tx, IEnumerable<ChunkHash> reused, long collectionsBefore,
        CancellationToken ct)
    {
        if (!_db.SharedByNodes && Volatile.Read(ref _collections) == collectionsBefore) return;
        var distinct = reused.Distinct().ToList();
        if (distinct.Count == 0) return;
        var present = await FindPresentAsync(connection, tx, distinct, ct).ConfigureAwait(false);
        var gone = distinct.Where(h => !present.Contains(h)).ToList();
        if (gone.Count > 0) throw new MissingChunksException(gone);
    }

    internal async Task CompleteContentAsync(long contentId, long size, string contentHash, CancellationToken ct)
    {
        using var _ = await _db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        await _db.DeferDurabilityAsync(connection, ct).ConfigureAwait(false);
        await CompleteContentAsync(connection, null, contentId, size, contentHash, ct).ConfigureAwait(false);
    }

    private static Task<int> CompleteContentAsync(DbConnection connection, DbTransaction? tx, long contentId, long size, string contentHash, CancellationToken ct) =>
        connection.ExecAsync("UPDATE storage_contents SET size = @s, content_hash = @h, complete = 1 WHERE id = @id", tx, ct,
            ("@s", size), ("@h", contentHash), ("@id", contentId));

    /// <summary>
    /// Deletes contents no file row or retained version points at (except those being written by this node
    /// and those younger than <paramref name="gracePeriod"/>), then chunks no content lists. Returns the number
    /// of chunks removed.
    /// </summary>
    public async Task<CollectionResult> CollectGarbageAsync(TimeSpan gracePeriod, CancellationToken ct = default)
    {
        var cutoff = Sql.UnixMs(DateTimeOffset.UtcNow - gracePeriod);
        using var _ = await _db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await _db.LockChunkListsAsync(connection, tx, ct).ConfigureAwait(false);
        // Writers that checked chunks before this point re-check them in their own transaction (EnsureStillStoredAsync).
        Interlocked.Increment(ref _collections);
        // Ids are numbers we produced, so listing them inline is safe.
        var busy = _contentsBeingWritten.Keys.ToArray();
        var exclude = busy.Length == 0 ? "" : $" AND id NOT IN ({string.Join(", ", busy)})";
        var contents = await connection.ExecAsync(
            "DELETE FROM storage_contents WHERE created_at <= @cutoff" + exclude +
            " AND NOT EXISTS (SELECT 1 FROM storage_files f WHERE f.content_id = storage_contents.id)" +
            " AND NOT EXISTS (SELECT 1 FROM storage_file_versions v WHERE v.content_id = storage_contents.id)",
            tx, ct, ("@cutoff", cutoff)).ConfigureAwait(false);
        var chunks = await _db.DeleteUnlistedChunksAsync(connection, tx, cutoff, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        var packs = _packs is null ? 0 : await _packs.DeleteUnusedAsync(ct).ConfigureAwait(false);
        return new CollectionResult(contents, chunks, packs);
    }

    /// <summary>How many chunks the store holds and their total bytes (for tests and status pages).</summary>
    public async Task<(long Chunks, long Bytes)> GetStatisticsAsync(CancellationToken ct = default)
    {
        await using var connection = await _db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.Command("SELECT COUNT(*), COALESCE(SUM(length), 0) FROM storage_chunks");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    internal StorageDatabase Database => _db;

    internal PackFiles? Packs => _packs;
}

/// <summary>
/// An upload's batch between its two halves: the chunks to index (with pack locations; without their bytes in
/// pack mode), the hashes it reuses, its run of the chunk list, the collection count seen when it looked, and
/// when its new pack bytes are durable (awaited before its index rows are written).
/// </summary>
internal sealed record StagedBatch(long ContentId, IReadOnlyList<ChunkListRow> List, IReadOnlyList<ChunkData> Fresh,
    IReadOnlyList<ChunkHash> Reused, long CollectionsBefore, Task Durable);

/// <summary>Where a chunk's bytes are: in its index row (<paramref name="Bytes"/>) or in a pack file.</summary>
internal sealed record ChunkLocation(byte[]? Bytes, long? PackId, long PackOffset, int Length);

/// <summary>A content that is fully stored: its id, size, whole-content BLAKE3 (hex) and number of chunks.</summary>
public sealed record StoredContent(long Id, long Size, string ContentHash, int ChunkCount);

/// <summary>What a collection pass removed.</summary>
public sealed record CollectionResult(int Contents, int Chunks, int PackFiles);

/// <summary>A content was to be built from chunks this node does not hold.</summary>
public sealed class MissingChunksException(IReadOnlyList<ChunkHash> missing)
    : InvalidOperationException($"{missing.Count} chunk(s) of the version are not stored on this node (first: {missing[0]}); send them first.")
{
    public IReadOnlyList<ChunkHash> Missing { get; } = missing;
}
