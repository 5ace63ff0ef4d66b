using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FileSync.Storage.Chunking.Simd;

namespace FileSync.Storage.Chunking;

/// <summary>
/// FastCDC-style cut search. The hash tested at a position is the 32-bit gear hash of the 32 bytes ending
/// there (<c>h = 2h + G[byte]</c>, older bytes shift out of the word); a chunk ends at the first position after
/// <see cref="ChunkingOptions.Min"/> whose hash has no bits in the hard mask (up to
/// <see cref="ChunkingOptions.Avg"/>) or the easy mask (after it), and at <see cref="ChunkingOptions.Max"/> at the
/// latest. Because the tested hash depends only on the window, whether a position qualifies does not depend on
/// where its chunk started: an edit only moves the boundaries next to it, and a whole buffer can be searched
/// for qualifying positions at once (<see cref="CutAll(ReadOnlySpan{byte}, bool, ChunkingOptions, List{int})"/>).
/// </summary>
public static class ContentDefinedChunker
{
    /// <summary>Bytes the tested hash covers: a 32-bit hash shifted left once per byte forgets older bytes.</summary>
    internal const int Window = 32;

    /// <summary>
    /// Cuts <paramref name="data"/> from the front and appends the chunk lengths to <paramref name="lengths"/>;
    /// returns how many bytes they cover. Unless <paramref name="final"/> (the data ends the stream), a chunk is
    /// only cut where a whole <see cref="ChunkingOptions.Max"/> is visible from its start, so the boundaries do not
    /// depend on how the stream is buffered: the uncut rest goes in front of the next buffer.
    /// Uses AVX-512BW + GFNI when the CPU has them (16 segments at once); the boundaries are the same on every CPU.
    /// </summary>
    public static int CutAll(ReadOnlySpan<byte> data, bool final, ChunkingOptions options, List<int> lengths) =>
        CutAll(data, final, options, lengths, LaneCandidateScan.IsSupported);

    /// <summary><see cref="CutAll(ReadOnlySpan{byte}, bool, ChunkingOptions, List{int})"/> with the vector search switched off or on (tests, benchmarks).</summary>
    internal static int CutAll(ReadOnlySpan<byte> data, bool final, ChunkingOptions options, List<int> lengths, bool vector)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lengths);
        if (!vector || !LaneCandidateScan.IsSupported || data.Length < LaneCandidateScan.MinimumLength) return CutChunkByChunk(data, final, options, lengths);
        var candidates = new CutCandidates(data.Length / 1024 + 16);
        LaneCandidateScan.Find(data, options, candidates);
        return CandidateWalk.Cut(candidates, data.Length, final, options, lengths);
    }

    /// <summary>
    /// Length of the first chunk of <paramref name="data"/>. When <paramref name="data"/> is shorter than
    /// <see cref="ChunkingOptions.Max"/> and more data follows, the caller must supply more before cutting,
    /// or the boundary would depend on its buffer size.
    /// </summary>
    public static int FindCut(ReadOnlySpan<byte> data, ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var length = data.Length;
        if (length <= options.Min) return length;
        var end = Math.Min(length, options.Max);
        var normal = Math.Min(end, options.Avg);
        ref var start = ref MemoryMarshal.GetReference(data);
        ref var gear = ref MemoryMarshal.GetArrayDataReference(GearTable.Values);
        // Bytes before Min never end a chunk; only the window before it matters to the first tested hashes.
        var hash = Roll(ref start, ref gear, options.Min - Window, options.Min);
        var i = Scan(ref start, ref gear, options.Min, normal, options.HardMask, ref hash);
        if (i >= 0) return i;
        i = Scan(ref start, ref gear, normal, end, options.EasyMask, ref hash);
        if (i >= 0) return i;
        return end;
    }

    private static int CutChunkByChunk(ReadOnlySpan<byte> data, bool final, ChunkingOptions options, List<int> lengths)
    {
        var position = 0;
        while (position < data.Length && (final || data.Length - position >= options.Max))
        {
            var length = FindCut(data[position..], options);
            lengths.Add(length);
            position += length;
        }
        return position;
    }

    /// <summary>The hash after rolling bytes [from, to) into a zero hash, testing nothing.</summary>
    internal static uint Roll(ref byte data, ref uint gear, int from, int to)
    {
        uint hash = 0;
        for (var i = from; i < to; i++) hash = (hash << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i));
        return hash;
    }

    /// <summary>
    /// Rolls the gear hash over [from, to) and returns the length of the chunk ending at the first position
    /// whose hash has no bits in <paramref name="mask"/>, or -1.
    /// Rolling two bytes per step (FastCDC 2020): the hash two bytes on is <c>4h + (2·G[b0] + G[b1])</c>, whose
    /// bracket does not depend on <c>h</c>, so the loop-carried chain is one <c>lea</c> per two bytes instead of
    /// two; the hash in between (<c>2h + G[b0]</c>) branches off that chain and is only tested. The positions
    /// tested and the hash values are exactly those of the byte-at-a-time definition. Pointer stepping keeps
    /// the loads at constant offsets.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // one copy of the hot loop, with all registers to itself; optimized from the first call
    private static int Scan(ref byte data, ref uint gear, int from, int to, uint mask, ref uint hash)
    {
        var h = hash;
        ref var p = ref Unsafe.Add(ref data, from);
        ref var pairsEnd = ref Unsafe.Add(ref data, to - 3);
        while (Unsafe.IsAddressLessThan(ref p, ref pairsEnd))
        {
            var g0 = Unsafe.Add(ref gear, p);
            var g1 = Unsafe.Add(ref gear, Unsafe.Add(ref p, 1));
            var g2 = Unsafe.Add(ref gear, Unsafe.Add(ref p, 2));
            var g3 = Unsafe.Add(ref gear, Unsafe.Add(ref p, 3));
            // Written as "pair + (h << 2)" so the JIT emits one lea on the chain instead of re-associating it.
            var pair01 = (g0 << 1) + g1;
            var pair23 = (g2 << 1) + g3;
            var h0 = (h << 1) + g0;
            var h1 = pair01 + (h << 2);
            if ((h0 & mask) == 0) return Position(ref data, ref p) + 1;
            if ((h1 & mask) == 0) return Position(ref data, ref p) + 2;
            var h2 = (h1 << 1) + g2;
            h = pair23 + (h1 << 2);
            if ((h2 & mask) == 0) return Position(ref data, ref p) + 3;
            if ((h & mask) == 0) return Position(ref data, ref p) + 4;
            p = ref Unsafe.Add(ref p, 4);
        }
        ref var end = ref Unsafe.Add(ref data, to);
        for (; Unsafe.IsAddressLessThan(ref p, ref end); p = ref Unsafe.Add(ref p, 1))
        {
            h = (h << 1) + Unsafe.Add(ref gear, p);
            if ((h & mask) == 0) return Position(ref data, ref p) + 1;
        }
        hash = h;
        return -1;
    }

    private static int Position(ref byte data, ref byte p) => (int)Unsafe.ByteOffset(ref data, ref p);
}
