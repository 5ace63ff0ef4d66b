using System.Data.Common;
using FileSync.Storage.Chunking;
using FileSync.Storage.Database;

namespace FileSync.Storage.Content;

/// <summary>
/// Reads one content (a file version) without holding it in memory. It keeps one packed run of the chunk list
/// (up to <see cref="ChunkListRows.MaxEntries"/> entries) and the <em>locations</em> of a batch of its chunks,
/// not their bytes: a read copies straight from the pack file into the caller's buffer, and chunks that lie
/// back to back in one pack (consecutive chunks of an upload usually do) are read with one <c>pread</c> as big
/// as the caller's buffer. Seekable, so HTTP Range requests are cheap: a seek reads the one run that covers the
/// position (found by its start offset, the key) and the locations from there.
/// </summary>
/// <remarks>
/// Chunks whose bytes live in their index row (PostgreSQL, or SQLite with
/// <see cref="StorageSettings.ChunkBytesInDatabase"/>) are held as loaded; their batches are kept small
/// (<see cref="InlineChunksPerQuery"/>) so memory stays bounded.
/// </remarks>
internal sealed class ContentReadStream : Stream
{
    /// <summary>Chunks located per query when bytes live in pack files: one whole run (locations are small).</summary>
    private const int PackedChunksPerQuery = ChunkListRows.MaxEntries;

    /// <summary>Chunks loaded per query when bytes live in the rows themselves (at most 64 × the maximum chunk size).</summary>
    private const int InlineChunksPerQuery = 64;

    private const string RunSql =
        "SELECT start_offset, entries, locations FROM storage_chunk_lists WHERE content_id = @id AND start_offset <= @p ORDER BY start_offset DESC LIMIT 1";

    private readonly StorageDatabase _db;
    private readonly ChunkStore _store;
    private readonly long _contentId;
    private readonly List<ChunkRef> _run = [];
    /// <summary>The pack locations of <see cref="_run"/>'s entries when its row carries them (chunks an upload wrote), else empty.</summary>
    private readonly List<(long PackId, long PackOffset)> _runLocations = [];
    private readonly List<PlacedChunk> _batch = [];
    private int _cursor;
    private long _position;

    public ContentReadStream(ChunkStore store, long contentId, long length, long offset)
    {
        if (offset < 0 || offset > length) throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The offset must lie within the file (0..{length}).");
        _store = store;
        _db = store.Database;
        _contentId = contentId;
        Length = length;
        _position = offset;
    }

    public override long Length { get; }
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A position cannot be negative.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty) return 0;
        var index = IndexInBatch();
        if (index < 0)
        {
            // Without real asynchrony (async: false) every await below completes synchronously.
            var loading = LoadAsync(async: false, CancellationToken.None);
            if (!loading.IsCompleted) throw new InvalidOperationException("A synchronous chunk load did not complete synchronously.");
            loading.GetAwaiter().GetResult();
            index = IndexInBatch();
            if (index < 0) throw Gone();
        }
        return CopyOut(index, buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.IsEmpty) return 0;
        var index = IndexInBatch();
        if (index < 0)
        {
            await LoadAsync(async: true, cancellationToken).ConfigureAwait(false);
            index = IndexInBatch();
            if (index < 0) throw Gone();
        }
        // Pack reads are page-cache reads in the common case: a plain pread is cheaper than a thread-pool hop.
        return CopyOut(index, buffer.Span);
    }

    /// <summary>The index in the held batch of the chunk that covers the position, or -1; sequential reads hit the cursor or the next one.</summary>
    private int IndexInBatch()
    {
        for (var i = _cursor; i < Math.Min(_cursor + 2, _batch.Count); i++)
            if (_batch[i].Covers(_position)) return _cursor = i;
        var found = BinarySearch(_batch, _position, static c => c.Offset, static c => c.End);
        if (found >= 0) _cursor = found;
        return found;
    }

    /// <summary>
    /// Copies from the position on: the rest of the covering chunk, and (from a pack) the chunks right after it
    /// that continue it in the same pack, in one read as big as <paramref name="buffer"/>.
    /// </summary>
    private int CopyOut(int index, Span<byte> buffer)
    {
        var first = _batch[index];
        var from = _position - first.Offset;
        var wanted = (int)Math.Min(buffer.Length, first.Length - from);
        if (first.Location.Bytes is { } inline)
        {
            inline.AsSpan((int)from, wanted).CopyTo(buffer);
        }
        else
        {
            var packId = first.Location.PackId ?? throw Damaged();
            var packOffset = first.Location.PackOffset + from;
            for (var next = index + 1; wanted < buffer.Length && next < _batch.Count; next++)
            {
                var location = _batch[next].Location;
                if (location.PackId != packId || location.PackOffset != packOffset + wanted) break;
                wanted += Math.Min(buffer.Length - wanted, location.Length);
            }
            var packs = _store.Packs ?? throw Damaged();
            try
            {
                packs.ReadExactly(packId, packOffset, buffer[..wanted]);
            }
            catch (FileNotFoundException) when (_runLocations.Count > 0)
            {
                // Locations from the chunk list were not re-checked: the version was collected, and its pack with it.
                throw Gone();
            }
        }
        _position += wanted;
        return wanted;
    }

    /// <summary>Locates the chunks from the current position on (and first loads the run that lists them, unless held).</summary>
    private async ValueTask LoadAsync(bool async, CancellationToken ct)
    {
        var connection = async ? await _db.OpenAsync(ct).ConfigureAwait(false) : _db.Open();
        try
        {
            var index = BinarySearch(_run, _position, static c => c.Offset, static c => c.End);
            if (index < 0)
            {
                await LoadRunAsync(connection, async, ct).ConfigureAwait(false);
                index = BinarySearch(_run, _position, static c => c.Offset, static c => c.End);
                if (index < 0) throw Gone();
            }
            await LocateChunksAsync(connection, index, async, ct).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAsync(connection, async).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the async way only on the async path: a synchronous read must not wait for an async close.</summary>
    private static async ValueTask DisposeAsync<T>(T resource, bool async) where T : IDisposable, IAsyncDisposable
    {
        if (async) await resource.DisposeAsync().ConfigureAwait(false);
        else resource.Dispose();
    }

    /// <summary>The index of the item whose [start, end) covers <paramref name="position"/> in a list sorted by start, or -1.</summary>
    private static int BinarySearch<T>(List<T> items, long position, Func<T, long> start, Func<T, long> end)
    {
        int low = 0, high = items.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (end(items[middle]) <= position) low = middle + 1;
            else if (start(items[middle]) > position) high = middle - 1;
            else return middle;
        }
        return -1;
    }

    private async ValueTask LoadRunAsync(DbConnection connection, bool async, CancellationToken ct)
    {
        _run.Clear();
        _runLocations.Clear();
        using var command = connection.Command(RunSql, null, ("@id", _contentId), ("@p", _position));
        var reader = async ? await command.ExecuteReaderAsync(ct).ConfigureAwait(false) : command.ExecuteReader();
        try
        {
            if (async ? await reader.ReadAsync(ct).ConfigureAwait(false) : reader.Read())
            {
                var row = new ChunkListRow(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2));
                ChunkListRows.Unpack(row, _run);
                if (row.Locations is not null && _store.Packs is not null) ChunkListRows.UnpackLocations(row, _runLocations);
            }
        }
        finally
        {
            await DisposeAsync(reader, async).ConfigureAwait(false);
        }
    }

    private async ValueTask LocateChunksAsync(DbConnection connection, int first, bool async, CancellationToken ct)
    {
        _batch.Clear();
        _cursor = 0;
        if (_runLocations.Count > 0)
        {
            // The run's row says where its chunks are: no lookup.
            for (var i = first; i < _run.Count; i++)
                _batch.Add(new PlacedChunk(_run[i].Offset, _run[i].Length, new ChunkLocation(null, _runLocations[i].PackId, _runLocations[i].PackOffset, _run[i].Length)));
            return;
        }
        var perQuery = _store.Packs is null ? InlineChunksPerQuery : PackedChunksPerQuery;
        var wanted = _run.GetRange(first, Math.Min(perQuery, _run.Count - first));
        var distinct = wanted.Select(c => c.Hash).Distinct().ToList();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT c.hash, {ChunkStore.PayloadColumns} FROM storage_chunks c WHERE c.hash IN (" +
            HashLiterals.InList(_db.Provider, distinct) + ")";
        var locations = new Dictionary<ChunkHash, ChunkLocation>(distinct.Count);
        var reader = async ? await command.ExecuteReaderAsync(ct).ConfigureAwait(false) : command.ExecuteReader();
        try
        {
            while (async ? await reader.ReadAsync(ct).ConfigureAwait(false) : reader.Read())
                locations[ChunkHash.FromBytes((byte[])reader.GetValue(0))] = ChunkStore.ReadLocation(reader, 1);
        }
        finally
        {
            await DisposeAsync(reader, async).ConfigureAwait(false);
        }
        foreach (var chunk in wanted)
        {
            // A chunk is collected only after every list naming it: this version was replaced and collected meanwhile.
            if (!locations.TryGetValue(chunk.Hash, out var location)) throw Gone();
            if (location.Bytes is null && location.Length != chunk.Length)
                throw new InvalidDataException($"The chunk list of content {_contentId} gives a chunk {chunk.Length} bytes, its index row {location.Length}; the chunk index is damaged.");
            _batch.Add(new PlacedChunk(chunk.Offset, chunk.Length, location));
        }
    }

    private IOException Gone() =>
        new($"The file version being read (content {_contentId}) is no longer stored: it was replaced and collected while being read.");

    private static InvalidDataException Damaged() =>
        new("A chunk row has neither bytes nor a pack location; the chunk index is damaged.");

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("A stored file version is read-only.");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A stored file version is read-only.");

    /// <summary>A chunk of the content at <paramref name="Offset"/> and where its bytes are.</summary>
    private readonly record struct PlacedChunk(long Offset, int Length, ChunkLocation Location)
    {
        public long End => Offset + Length;
        public bool Covers(long position) => Offset <= position && position < End;
    }
}
