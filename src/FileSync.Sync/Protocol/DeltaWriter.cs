using System.Buffers.Binary;
using System.Text.Json;
using FileSync.Storage.Chunking;

namespace FileSync.Sync.Protocol;

/// <summary>
/// Writes a delta stream: the magic, then for each file a header, its chunk entries and an end mark, then
/// the stream's end mark. Writes go straight to the underlying stream (wrap it in a buffer for many small frames).
/// </summary>
public sealed class DeltaWriter(Stream output)
{
    private readonly byte[] _scratch = new byte[1 + ChunkHash.Size + 8];
    private bool _started;
    private bool _inFile;

    public async ValueTask BeginFileAsync(DeltaFileHeader header, CancellationToken ct = default)
    {
        await EnsureStartedAsync(ct).ConfigureAwait(false);
        if (_inFile) throw new InvalidOperationException("The previous file was not ended.");
        var json = JsonSerializer.SerializeToUtf8Bytes(header, ProtocolJson.Options);
        if (json.Length > DeltaWire.MaxHeaderBytes) throw new InvalidOperationException("The file header is larger than 1 MiB.");
        _scratch[0] = DeltaWire.FileStart;
        BinaryPrimitives.WriteInt32LittleEndian(_scratch.AsSpan(1), json.Length);
        await output.WriteAsync(_scratch.AsMemory(0, 5), ct).ConfigureAwait(false);
        await output.WriteAsync(json, ct).ConfigureAwait(false);
        _inFile = true;
    }

    public ValueTask CopyRunAsync(int baseIndex, int count, CancellationToken ct = default)
    {
        RequireFile();
        ArgumentOutOfRangeException.ThrowIfNegative(baseIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _scratch[0] = DeltaWire.CopyRun;
        BinaryPrimitives.WriteInt32LittleEndian(_scratch.AsSpan(1), baseIndex);
        BinaryPrimitives.WriteInt32LittleEndian(_scratch.AsSpan(5), count);
        return output.WriteAsync(_scratch.AsMemory(0, 9), ct);
    }

    public ValueTask ReferenceAsync(ChunkHash hash, int length, CancellationToken ct = default)
    {
        RequireFile();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return output.WriteAsync(HashFrame(DeltaWire.Reference, hash, length), ct);
    }

    public async ValueTask ChunkAsync(ChunkHash hash, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        RequireFile();
        if (data.Length is 0 or > DeltaWire.MaxChunkBytes) throw new ArgumentOutOfRangeException(nameof(data), data.Length, "A chunk is 1 byte to 16 MiB.");
        await output.WriteAsync(HashFrame(DeltaWire.Data, hash, data.Length), ct).ConfigureAwait(false);
        await output.WriteAsync(data, ct).ConfigureAwait(false);
    }

    public ValueTask EndFileAsync(CancellationToken ct = default)
    {
        RequireFile();
        _inFile = false;
        _scratch[0] = DeltaWire.FileEnd;
        return output.WriteAsync(_scratch.AsMemory(0, 1), ct);
    }

    /// <summary>Ends the stream; a reader treats a stream without this mark as truncated.</summary>
    public async ValueTask CompleteAsync(CancellationToken ct = default)
    {
        await EnsureStartedAsync(ct).ConfigureAwait(false);
        if (_inFile) throw new InvalidOperationException("The last file was not ended.");
        _scratch[0] = DeltaWire.StreamEnd;
        await output.WriteAsync(_scratch.AsMemory(0, 1), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    private ReadOnlyMemory<byte> HashFrame(byte tag, ChunkHash hash, int length)
    {
        _scratch[0] = tag;
        hash.WriteTo(_scratch.AsSpan(1));
        BinaryPrimitives.WriteInt32LittleEndian(_scratch.AsSpan(1 + ChunkHash.Size), length);
        return _scratch.AsMemory(0, 1 + ChunkHash.Size + 4);
    }

    private async ValueTask EnsureStartedAsync(CancellationToken ct)
    {
        if (_started) return;
        _started = true;
        await output.WriteAsync(DeltaWire.Magic.ToArray(), ct).ConfigureAwait(false);
    }

    private void RequireFile()
    {
        if (!_inFile) throw new InvalidOperationException("No file was begun.");
    }
}
