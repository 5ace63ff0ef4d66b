using System.Buffers.Binary;
using System.Text.Json;
using FileSync.Storage.Chunking;

namespace FileSync.Sync.Protocol;

/// <summary>
/// Reads a delta stream frame by frame, holding at most one chunk in memory. Any deviation from the framing
/// (bad magic, unknown tag, oversized frame, entries outside a file, a stream that ends without its end
/// mark) is an <see cref="InvalidDataException"/> naming what was wrong, so a receiver never commits a
/// partially received file.
/// </summary>
public sealed class DeltaReader(Stream input)
{
    private readonly byte[] _scratch = new byte[ChunkHash.Size + 8];
    private byte[] _data = new byte[64 * 1024];
    private bool _started;
    private bool _inFile;
    private bool _completed;

    /// <summary>The next frame, or null after the stream's end mark.</summary>
    public async ValueTask<DeltaFrame?> ReadAsync(CancellationToken ct = default)
    {
        if (_completed) return null;
        if (!_started)
        {
            await ReadExactAsync(4, "the stream's magic", ct).ConfigureAwait(false);
            if (!_scratch.AsSpan(0, 4).SequenceEqual(DeltaWire.Magic))
                throw new InvalidDataException("This is not a delta stream: it does not start with FSD1.");
            _started = true;
        }
        await ReadExactAsync(1, "a frame tag", ct).ConfigureAwait(false);
        var tag = _scratch[0];
        switch (tag)
        {
            case DeltaWire.FileStart:
                if (_inFile) throw new InvalidDataException("A file started before the previous one ended.");
                _inFile = true;
                return new FileStart(await ReadHeaderAsync(ct).ConfigureAwait(false));
            case DeltaWire.CopyRun:
                RequireFile("a copy run");
                await ReadExactAsync(8, "a copy run", ct).ConfigureAwait(false);
                var baseIndex = BinaryPrimitives.ReadInt32LittleEndian(_scratch);
                var count = BinaryPrimitives.ReadInt32LittleEndian(_scratch.AsSpan(4));
                if (baseIndex < 0 || count <= 0) throw new InvalidDataException($"A copy run of {count} chunks from index {baseIndex} is invalid.");
                return new CopyRun(baseIndex, count);
            case DeltaWire.Reference:
            {
                RequireFile("a chunk reference");
                var (hash, length) = await ReadHashAndLengthAsync("a chunk reference", ct).ConfigureAwait(false);
                return new ChunkReference(hash, length);
            }
            case DeltaWire.Data:
            {
                RequireFile("chunk data");
                var (hash, length) = await ReadHashAndLengthAsync("chunk data", ct).ConfigureAwait(false);
                if (_data.Length < length) _data = new byte[Math.Max(length, _data.Length * 2)];
                await ReadExactAsync(_data, length, "chunk data", ct).ConfigureAwait(false);
                return new ChunkBytes(hash, _data.AsMemory(0, length));
            }
            case DeltaWire.FileEnd:
                RequireFile("a file end");
                _inFile = false;
                return FileEnd.Instance;
            case DeltaWire.StreamEnd:
                if (_inFile) throw new InvalidDataException("The stream ended inside a file.");
                _completed = true;
                return null;
            default:
                throw new InvalidDataException($"Unknown frame tag 0x{tag:X2} in the delta stream.");
        }
    }

    private async ValueTask<DeltaFileHeader> ReadHeaderAsync(CancellationToken ct)
    {
        await ReadExactAsync(4, "a file header", ct).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32LittleEndian(_scratch);
        if (length is <= 0 or > DeltaWire.MaxHeaderBytes) throw new InvalidDataException($"A file header of {length} bytes is invalid (1 byte to 1 MiB).");
        var json = new byte[length];
        await ReadExactAsync(json, length, "a file header", ct).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<DeltaFileHeader>(json, ProtocolJson.Options)
                ?? throw new InvalidDataException("A file header is null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"A file header is not valid JSON: {e.Message}", e);
        }
    }

    private async ValueTask<(ChunkHash Hash, int Length)> ReadHashAndLengthAsync(string what, CancellationToken ct)
    {
        await ReadExactAsync(ChunkHash.Size + 4, what, ct).ConfigureAwait(false);
        var hash = ChunkHash.FromBytes(_scratch.AsSpan(0, ChunkHash.Size));
        var length = BinaryPrimitives.ReadInt32LittleEndian(_scratch.AsSpan(ChunkHash.Size));
        if (length is <= 0 or > DeltaWire.MaxChunkBytes) throw new InvalidDataException($"A chunk of {length} bytes is invalid (1 byte to 16 MiB).");
        return (hash, length);
    }

    private ValueTask ReadExactAsync(int count, string what, CancellationToken ct) => ReadExactAsync(_scratch, count, what, ct);

    private async ValueTask ReadExactAsync(byte[] buffer, int count, string what, CancellationToken ct)
    {
        try
        {
            await input.ReadExactlyAsync(buffer.AsMemory(0, count), ct).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"The delta stream was truncated while reading {what}.");
        }
    }

    private void RequireFile(string what)
    {
        if (!_inFile) throw new InvalidDataException($"Found {what} outside a file.");
    }
}
