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
    /// whose hash has no bits in <paramref name="mask"/>, or -1. Unrolled by four: the loop bookkeeping
    /// costs as much as the hash itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Scan(ref byte data, ref ulong gear, int from, int to, ulong mask, ref ulong hash)
    {
        var h = hash;
        var i = from;
        for (; i + 4 <= to; i += 4)
        {
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i));
            if ((h & mask) == 0) return i + 1;
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i + 1));
            if ((h & mask) == 0) return i + 2;
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i + 2));
            if ((h & mask) == 0) return i + 3;
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i + 3));
            if ((h & mask) == 0) return i + 4;
        }
        for (; i < to; i++)
        {
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i));
            if ((h & mask) == 0) return i + 1;
        }
        hash = h;
        return -1;
    }
}
