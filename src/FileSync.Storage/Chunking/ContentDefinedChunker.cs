using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FileSync.Storage.Chunking;

/// <summary>
/// FastCDC-style cut search: a gear rolling hash (shift left, add a random value per byte) is tested
/// against a mask at every position after the minimum size; the first match ends the chunk. An edit only
/// moves the boundaries next to it, so unchanged regions keep producing the same chunks.
/// </summary>
public static class ContentDefinedChunker
{
    /// <summary>
    /// Length of the first chunk of <paramref name="data"/>. When <paramref name="data"/> is shorter than
    /// <see cref="ChunkingOptions.Max"/> and more data follows, the caller must supply more before cutting,
    /// or the boundary would depend on its buffer size.
    /// </summary>
    public static int FindCut(ReadOnlySpan<byte> data, ChunkingOptions options)
    {
        var length = data.Length;
        if (length <= options.Min) return length;
        var end = Math.Min(length, options.Max);
        var normal = Math.Min(end, options.Avg);
        ref var start = ref MemoryMarshal.GetReference(data);
        ref var gear = ref MemoryMarshal.GetArrayDataReference(GearTable.Values);
        ulong hash = 0;
        // Bytes before Min never end a chunk, so they are skipped entirely (the hash window is only 64 bytes).
        var i = Scan(ref start, ref gear, options.Min, normal, options.HardMask, ref hash);
        if (i >= 0) return i;
        i = Scan(ref start, ref gear, normal, end, options.EasyMask, ref hash);
        if (i >= 0) return i;
        return end;
    }

    /// <summary>
    /// Rolls the gear hash over [from, to) and returns the length of the chunk ending at the first position
    /// whose hash has no bits in <paramref name="mask"/>, or -1.
    /// Rolling two bytes per step (FastCDC 2020): the hash two bytes on is <c>4h + (2·G[b0] + G[b1])</c>, whose
    /// bracket does not depend on <c>h</c>, so the loop-carried chain is one <c>lea</c> per two bytes instead of
    /// two; the hash in between (<c>2h + G[b0]</c>) branches off that chain and is only tested. The doubled
    /// gear value costs nothing (it is the scale of the same <c>lea</c>), so no second, pre-shifted table is
    /// needed, and the positions tested and the hash values are exactly those of the byte-at-a-time
    /// definition (boundaries are unchanged). Pointer stepping keeps the loads at constant offsets.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // one copy of the hot loop, with all registers to itself
    private static int Scan(ref byte data, ref ulong gear, int from, int to, ulong mask, ref ulong hash)
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
