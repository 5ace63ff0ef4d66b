using System.Data.Common;
using FileSync.Storage.Chunking;
using FileSync.Storage.Database;

namespace FileSync.Storage.Content;

/// <summary>
/// Reads one content (a file version) chunk by chunk, so a large file is never held in memory. It keeps one
/// packed run of the chunk list (up to <see cref="ChunkListRows.MaxEntries"/> entries) and the bytes of up to
/// <see cref="ChunksPerQuery"/> of its chunks. Seekable, so HTTP Range requests are cheap: a seek reads the one
/// run that covers the position (found by its start offset, the key) and the chunks from there.
/// </summary>
internal sealed class ContentReadStream : Stream
{
    private const int ChunksPerQuery = 64;
    private const string RunSql =
        "SELECT start_offset, entries FROM storage_chunk_lists WHERE content_id = @id AND start_offset <= @p ORDER BY start_offset DESC LIMIT 1";

    private readonly StorageDatabase _db;
    private readonly ChunkStore _store;
    private readonly long _contentId;
    private readonly List<ChunkRef> _run = [];
    private readonly List<LoadedChunk> _loaded = [];
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
        if (Find() is not { } chunk)
        {
            // Without real asynchrony (async: false) every await below completes synchronously.
            var loading = LoadAsync(async: false, CancellationToken.None);
            if (!loading.IsCompleted) throw new InvalidOperationException("A synchronous chunk load did not complete synchronously.");
            loading.GetAwaiter().GetResult();
            chunk = Find() ?? throw Gone();
        }
        return CopyOut(chunk, buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.IsEmpty) return 0;
        if (Find() is not { } chunk)
        {
            await LoadAsync(async: true, cancellationToken).ConfigureAwait(false);
            chunk = Find() ?? throw Gone();
        }
        return CopyOut(chunk, buffer.Span);
    }

    private LoadedChunk? Find()
    {
        foreach (var chunk in _loaded)
            if (chunk.Offset <= _position && _position < chunk.Offset + chunk.Data.Length) return chunk;
        return null;
    }

    private int CopyOut(LoadedChunk chunk, Span<byte> buffer)
    {
        var from = (int)(_position - chunk.Offset);
        var n = Math.Min(buffer.Length, chunk.Data.Length - from);
        chunk.Data.AsSpan(from, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    /// <summary>Loads the bytes of the chunks from the current position on (and first the run that lists them, unless held).</summary>
    private async ValueTask LoadAsync(bool async, CancellationToken ct)
    {
        var connection = async ? await _db.OpenAsync(ct).ConfigureAwait(false) : _db.Open();
        try
        {
            var index = IndexInRun();
            if (index < 0)
            {
                await LoadRunAsync(connection, async, ct).ConfigureAwait(false);
                index = IndexInRun();
                if (index < 0) throw Gone();
            }
            await LoadChunksAsync(connection, index, async, ct).ConfigureAwait(false);
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

    /// <summary>The index in the held run of the chunk that covers the position, or -1.</summary>
    private int IndexInRun()
    {
        int low = 0, high = _run.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (_run[middle].End <= _position) low = middle + 1;
            else if (_run[middle].Offset > _position) high = middle - 1;
            else return middle;
        }
        return -1;
    }

    private async ValueTask LoadRunAsync(DbConnection connection, bool async, CancellationToken ct)
    {
        _run.Clear();
        using var command = connection.Command(RunSql, null, ("@id", _contentId), ("@p", _position));
        var reader = async ? await command.ExecuteReaderAsync(ct).ConfigureAwait(false) : command.ExecuteReader();
        try
        {
            if (async ? await reader.ReadAsync(ct).ConfigureAwait(false) : reader.Read())
                ChunkListRows.Unpack(new ChunkListRow(reader.GetInt64(0), (byte[])reader.GetValue(1)), _run);
        }
        finally
        {
            await DisposeAsync(reader, async).ConfigureAwait(false);
        }
    }

    private async ValueTask LoadChunksAsync(DbConnection connection, int first, bool async, CancellationToken ct)
    {
        _loaded.Clear();
        var wanted = _run.GetRange(first, Math.Min(ChunksPerQuery, _run.Count - first));
        var distinct = wanted.Select(c => c.Hash).Distinct().ToList();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT c.hash, {ChunkStore.PayloadColumns} FROM storage_chunks c WHERE c.hash IN (" +
            string.Join(", ", distinct.Select((_, i) => "@h" + i)) + ")";
        for (var i = 0; i < distinct.Count; i++) command.Add("@h" + i, distinct[i].ToBytes());
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
        // Pack bytes are read in file order (rows come back in hash order): sequential reads keep the kernel's readahead.
        foreach (var chunk in wanted)
        {
            // A chunk is collected only after every list naming it: this version was replaced and collected meanwhile.
            if (!locations.TryGetValue(chunk.Hash, out var location)) throw Gone();
            _loaded.Add(new LoadedChunk(chunk.Offset, _store.ReadPayload(location)));
        }
    }

    private IOException Gone() =>
        new($"The file version being read (content {_contentId}) is no longer stored: it was replaced and collected while being read.");

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

    private sealed record LoadedChunk(long Offset, byte[] Data);
}
