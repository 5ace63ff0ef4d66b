using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// BLAKE3 in its default hash mode with a 32-byte output, written from the public specification. Chunks
/// and parents are hashed eight or sixteen at a time in the lanes of 256- or 512-bit vectors when the CPU has
/// AVX2 or AVX-512, one at a time otherwise; the result is the same either way (checked against the official
/// test vectors). A measured candidate for the chunk hash, not used as it (see docs/storage.md): one call costs
/// 16 block steps per 8–16 KiB however much of that it fills, so it beats SHA-NI only from ~8 KiB up.
/// </summary>
public static class Blake3Hash
{
    public const int HashSize = Blake3Constants.OutputSize;

    private const int StackChainingValues = 64; // up to 64 KiB of input without renting: every default chunk

    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        var hash = new byte[HashSize];
        HashData(source, hash);
        return hash;
    }

    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination) =>
        Hash(source, destination, vectorized: Vector256Lanes.IsSupported);

    /// <summary>The one-lane path whatever the CPU; tests compare it with the vectorized one.</summary>
    internal static byte[] HashDataScalar(ReadOnlySpan<byte> source)
    {
        var hash = new byte[HashSize];
        Hash(source, hash, vectorized: false);
        return hash;
    }

    private static void Hash(ReadOnlySpan<byte> source, Span<byte> destination, bool vectorized)
    {
        if (destination.Length < HashSize)
            throw new ArgumentException($"The destination must hold {HashSize} bytes; it has {destination.Length}.", nameof(destination));
        // Parent blocks are read straight from the chaining values' memory as little-endian words.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("This BLAKE3 implementation needs a little-endian CPU.");
        var chunks = Math.Max(1, (source.Length + Blake3Constants.ChunkSize - 1) / Blake3Constants.ChunkSize);

        // The chunk that ends inside a block is hashed from a zero-padded copy, so no lane reads past the input.
        Span<byte> scratch = stackalloc byte[Blake3Constants.ChunkSize];
        var lastOffset = (chunks - 1) * Blake3Constants.ChunkSize;
        source[lastOffset..].CopyTo(scratch);

        var rented = chunks > StackChainingValues ? ArrayPool<uint>.Shared.Rent(chunks * 8) : null;
        try
        {
            Span<uint> cvs = rented ?? stackalloc uint[StackChainingValues * 8];
            if (chunks == 1)
            {
                Blake3Tree<uint, ScalarLanes>.HashChunks(source, scratch, 0, 1, Blake3Constants.Root, cvs);
            }
            else
            {
                if (vectorized) ReduceVectorized(source, scratch, chunks, cvs);
                else ReduceScalar(source, scratch, chunks, cvs);
                HashRoot(cvs);
            }
            for (var j = 0; j < 8; j++) BinaryPrimitives.WriteUInt32LittleEndian(destination[(4 * j)..], cvs[j]);
        }
        finally
        {
            if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Leaves the two children of the root in <c>cvs[0..16]</c>. Chunks go sixteen at a time when more than
    /// eight remain and the CPU has AVX-512, otherwise eight; parents (one compression each) eight at a time.
    /// </summary>
    private static void ReduceVectorized(ReadOnlySpan<byte> source, ReadOnlySpan<byte> scratch, int chunks, Span<uint> cvs)
    {
        var first = 0;
        if (Vector512Lanes.IsSupported)
        {
            for (; chunks - first > 8; first += 16)
                Blake3Tree<Vector512<uint>, Vector512Lanes>.HashChunks(source, scratch, first, Math.Min(16, chunks - first), 0, cvs);
        }
        for (; first < chunks; first += 8)
            Blake3Tree<Vector256<uint>, Vector256Lanes>.HashChunks(source, scratch, first, Math.Min(8, chunks - first), 0, cvs);
        var count = chunks;
        while (count > 2) count = Blake3Tree<Vector256<uint>, Vector256Lanes>.HashParentLevel(cvs, count);
    }

    /// <summary>The same tree, one node at a time.</summary>
    private static void ReduceScalar(ReadOnlySpan<byte> source, ReadOnlySpan<byte> scratch, int chunks, Span<uint> cvs)
    {
        for (var first = 0; first < chunks; first++)
            Blake3Tree<uint, ScalarLanes>.HashChunks(source, scratch, first, 1, 0, cvs);
        var count = chunks;
        while (count > 2) count = Blake3Tree<uint, ScalarLanes>.HashParentLevel(cvs, count);
    }

    /// <summary>The root parent: its two children are <c>cvs[0..16]</c>; its chaining value (the hash) goes to <c>cvs[0..8]</c>.</summary>
    private static void HashRoot(Span<uint> cvs)
    {
        Message<uint> message = default;
        ScalarLanes.LoadMessage(MemoryMarshal.AsBytes(cvs), default, [new LaneSource(InScratch: false, 0)], 0, ref message);
        ChainingValue<uint> cv = default;
        var iv = Blake3Constants.IV;
        for (var j = 0; j < 8; j++) cv[j] = iv[j];
        Blake3Compression<uint, ScalarLanes>.Compress(ref cv, ref message, 0, 0, Blake3Constants.BlockSize, Blake3Constants.Parent | Blake3Constants.Root);
        for (var j = 0; j < 8; j++) cvs[j] = cv[j];
    }
}
