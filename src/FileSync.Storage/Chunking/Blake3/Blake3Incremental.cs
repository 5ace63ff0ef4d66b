using System.Buffers.Binary;
using System.Numerics;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// BLAKE3 of a content that arrives in pieces (hash mode, 32-byte output): the whole-content hash of uploads
/// and of synchronized files. Equal to <see cref="Blake3Hash.HashData(ReadOnlySpan{byte})"/> over the
/// concatenated pieces, however they are split. Large pieces are hashed as whole subtrees in the vector lanes.
/// Small pieces (a synchronization appends one ~8 KiB chunk at a time) are gathered into 64 KiB first, so each
/// lane call gets whole subtrees to work on. Not thread-safe: one writer, pieces in order.
/// </summary>
/// <remarks>
/// The tree's right edge is unknown until the end, so the last chunk seen stays in <see cref="_tail"/> (it is the
/// root if it turns out to be the only one), and completed subtrees wait on a stack of chaining values, merged
/// into their parent only once a later subtree shows that the parent is not the root (as the specification's
/// reference implementation does).
/// </remarks>
public sealed class Blake3Incremental
{
    /// <summary>Subtrees up to 1 MiB; one lane call batch up to 4 MiB.</summary>
    private const int MaxSubtreeChunks = 1024;
    private const int MaxBatchChunks = 4096;
    private const int GatherSize = 64 * 1024;

    private readonly Blake3LaneWidth _width;
    private readonly byte[] _tail = new byte[Blake3Constants.ChunkSize];
    private int _tailLength;
    /// <summary>Index of the chunk in <see cref="_tail"/>: the number of chunks before it.</summary>
    private ulong _chunkCounter;
    /// <summary>Chaining values of completed subtrees, 8 words each, oldest (leftmost) first; at most one per counter bit.</summary>
    private readonly uint[] _stack = new uint[8 * 66];
    private int _stackDepth;
    /// <summary>One batch's subtree chaining values: at most MaxBatchChunks / MaxSubtreeChunks of them.</summary>
    private readonly uint[] _subtreeValues = new uint[8 * (MaxBatchChunks / MaxSubtreeChunks)];
    /// <summary>Small pieces gathered until <see cref="GatherSize"/> (created on the first small piece).</summary>
    private byte[]? _gathered;
    private int _gatheredLength;

    public Blake3Incremental() : this(Blake3LaneWidths.Best) { }

    internal Blake3Incremental(Blake3LaneWidth width)
    {
        // Parent blocks are read from the chaining values' memory as little-endian words (as Blake3Batch does).
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("This BLAKE3 implementation needs a little-endian CPU.");
        _width = Blake3LaneWidths.Supported(width);
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            // A full gather is hashed only once more bytes arrive: then none of it can be the content's last chunk.
            if (_gatheredLength == GatherSize) HashGathered(moreFollows: true);
            if (_gatheredLength == 0 && data.Length >= GatherSize)
            {
                Hash(data, moreFollows: false);
                return;
            }
            _gathered ??= new byte[GatherSize];
            var take = Math.Min(GatherSize - _gatheredLength, data.Length);
            data[..take].CopyTo(_gathered.AsSpan(_gatheredLength));
            _gatheredLength += take;
            data = data[take..];
        }
    }

    private void HashGathered(bool moreFollows)
    {
        Hash(_gathered.AsSpan(0, _gatheredLength), moreFollows);
        _gatheredLength = 0;
    }

    /// <summary>
    /// Hashes <paramref name="data"/> as far as it can. Unless <paramref name="moreFollows"/> (bytes after it are
    /// certain), the last chunk seen stays in <see cref="_tail"/>: it may be the content's last, even its root.
    /// </summary>
    private void Hash(ReadOnlySpan<byte> data, bool moreFollows)
    {
        while (!data.IsEmpty)
        {
            if (_tailLength == Blake3Constants.ChunkSize)
            {
                // More bytes follow, so the held chunk is not the last one.
                Blake3Subtrees.Chunk(_tail, _chunkCounter, 0, _subtreeValues);
                Push(_subtreeValues.AsSpan(0, 8), _chunkCounter);
                _chunkCounter++;
                _tailLength = 0;
            }
            if (_tailLength > 0 || data.Length < Blake3Constants.ChunkSize || (data.Length == Blake3Constants.ChunkSize && !moreFollows))
            {
                var take = Math.Min(Blake3Constants.ChunkSize - _tailLength, data.Length);
                data[..take].CopyTo(_tail.AsSpan(_tailLength));
                _tailLength += take;
                data = data[take..];
                continue;
            }
            data = HashSubtrees(data, moreFollows);
        }
    }

    /// <summary>
    /// Hashes whole aligned subtrees from the front of <paramref name="data"/> (at least one chunk, and never its
    /// last byte unless <paramref name="moreFollows"/>) and returns the rest.
    /// </summary>
    private ReadOnlySpan<byte> HashSubtrees(ReadOnlySpan<byte> data, bool moreFollows)
    {
        var fullChunks = Math.Min((moreFollows ? data.Length : data.Length - 1) / Blake3Constants.ChunkSize, MaxBatchChunks);
        // The largest power of two that fits and keeps the subtree aligned at the current chunk index.
        var size = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)fullChunks + 1) / 2, MaxSubtreeChunks);
        if (_chunkCounter != 0) size = (int)Math.Min((ulong)size, 1UL << BitOperations.TrailingZeroCount(_chunkCounter));
        // Below the largest size, the next subtree's index is better aligned and may be larger: one at a time.
        var subtrees = size == MaxSubtreeChunks ? fullChunks / size : 1;
        var bytes = subtrees * size * Blake3Constants.ChunkSize;
        Blake3Subtrees.ChainingValues(data[..bytes], _chunkCounter, size, _subtreeValues, _width);
        for (var i = 0; i < subtrees; i++)
        {
            Push(_subtreeValues.AsSpan(8 * i, 8), _chunkCounter);
            _chunkCounter += (ulong)size;
        }
        return data[bytes..];
    }

    /// <summary>
    /// Pushes the chaining value of a subtree starting at chunk <paramref name="firstChunk"/>, after merging the
    /// subtrees its arrival completes: the stack keeps one entry per set bit of the chunk count before it.
    /// </summary>
    private void Push(ReadOnlySpan<uint> cv, ulong firstChunk)
    {
        MergeDownTo(BitOperations.PopCount(firstChunk));
        cv.CopyTo(_stack.AsSpan(8 * _stackDepth, 8));
        _stackDepth++;
    }

    private void MergeDownTo(int depth)
    {
        while (_stackDepth > depth)
        {
            var left = _stack.AsSpan(8 * (_stackDepth - 2), 8);
            Blake3Subtrees.Parent(left, _stack.AsSpan(8 * (_stackDepth - 1), 8), root: false, left);
            _stackDepth--;
        }
    }

    /// <summary>Writes the 32-byte hash of everything appended. The hasher must not be used afterwards.</summary>
    public void Finish(Span<byte> destination)
    {
        if (destination.Length < Blake3Constants.OutputSize)
            throw new ArgumentException($"The destination must hold {Blake3Constants.OutputSize} bytes; it has {destination.Length}.", nameof(destination));
        if (_gatheredLength > 0) HashGathered(moreFollows: false);
        Span<uint> output = stackalloc uint[8];
        if (_stackDepth == 0)
        {
            Blake3Subtrees.Chunk(_tail.AsSpan(0, _tailLength), 0, Blake3Constants.Root, output);
        }
        else
        {
            // The last chunk completes the subtrees before it; then fold the stack from the right, the last parent being the root.
            MergeDownTo(BitOperations.PopCount(_chunkCounter));
            Blake3Subtrees.Chunk(_tail.AsSpan(0, _tailLength), _chunkCounter, 0, output);
            for (var i = _stackDepth - 1; i >= 0; i--)
                Blake3Subtrees.Parent(_stack.AsSpan(8 * i, 8), output, root: i == 0, output);
        }
        for (var j = 0; j < 8; j++) BinaryPrimitives.WriteUInt32LittleEndian(destination[(4 * j)..], output[j]);
    }

    /// <summary>The hash as lower-case hex, as the content-hash header carries it.</summary>
    public string FinishHex()
    {
        Span<byte> hash = stackalloc byte[Blake3Constants.OutputSize];
        Finish(hash);
        return Convert.ToHexStringLower(hash);
    }
}
