using System.Buffers;
using System.Buffers.Binary;
using FileSync.Storage.Chunking.Blake3;

namespace FileSync.Storage.Chunking;

/// <summary>
/// The BLAKE3 hash (default hash mode, 32 bytes) of a chunk's bytes: its identity in the chunk store and on
/// the wire. A value type, cheap to compare and hash. BLAKE3 rather than SHA-256 because hashing every chunk
/// was half of the cut + hash cost, and BLAKE3 hashes the chunks of a buffer together, sixteen 1 KiB leaves
/// per AVX-512 instruction stream (see <see cref="ComputeAll"/>): ~2.5× SHA-256 with SHA instructions over
/// the same chunks (docs/storage.md). The whole-content hash (<c>Content-BLAKE3</c>) is BLAKE3 too, streamed by <see cref="Blake3.Blake3Incremental"/>.
/// </summary>
public readonly record struct ChunkHash(ulong P0, ulong P1, ulong P2, ulong P3)
{
    public const int Size = 32;

    /// <summary>The hash of one chunk; equal to what <see cref="ComputeAll"/> gives for the same bytes.</summary>
    public static ChunkHash Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        Blake3Hash.HashData(data, digest);
        return FromBytes(digest);
    }

    /// <summary>
    /// The hashes of consecutive chunks of <paramref name="buffer"/>: chunk i is the <c>lengths[i]</c> bytes
    /// after chunks 0..i−1 and its hash goes to <c>hashes[i]</c>. Bytes after the last chunk are ignored.
    /// One call hashes all chunks side by side, so call it with many chunks (the upload passes 4 MiB at a time).
    /// </summary>
    public static void ComputeAll(ReadOnlySpan<byte> buffer, ReadOnlySpan<int> lengths, Span<ChunkHash> hashes) =>
        ComputeAll(buffer, lengths, hashes, Blake3LaneWidths.Best);

    internal static void ComputeAll(ReadOnlySpan<byte> buffer, ReadOnlySpan<int> lengths, Span<ChunkHash> hashes, Blake3LaneWidth width)
    {
        if (hashes.Length < lengths.Length)
            throw new ArgumentException($"There are {lengths.Length} chunk lengths but room for only {hashes.Length} hashes.", nameof(hashes));
        var total = 0L;
        for (var i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] < 0) throw new ArgumentOutOfRangeException(nameof(lengths), lengths[i], $"Chunk {i} has a negative length.");
            total += lengths[i];
        }
        if (total > buffer.Length)
            throw new ArgumentException($"The chunk lengths add up to {total} bytes but the buffer holds only {buffer.Length}.", nameof(lengths));

        var digests = ArrayPool<byte>.Shared.Rent(lengths.Length * Size);
        try
        {
            Blake3Batch.HashAll(buffer, lengths, digests, width);
            for (var i = 0; i < lengths.Length; i++) hashes[i] = FromBytes(digests.AsSpan(i * Size, Size));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(digests);
        }
    }

    public static ChunkHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"A chunk hash is {Size} bytes; got {bytes.Length}.", nameof(bytes));
        return new ChunkHash(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    public static ChunkHash Parse(string hex)
    {
        if (hex is null || hex.Length != Size * 2) throw new FormatException($"A chunk hash is {Size * 2} hex digits.");
        return FromBytes(Convert.FromHexString(hex));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, P0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], P1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], P2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], P3);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => Convert.ToHexStringLower(ToBytes());
}

/// <summary>One chunk of a file version: its hash, where it starts in the file, and its length.</summary>
public readonly record struct ChunkRef(ChunkHash Hash, long Offset, int Length)
{
    public long End => Offset + Length;
}
