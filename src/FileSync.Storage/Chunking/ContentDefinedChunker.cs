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
    public static int FindCut(ReadOnlySpan<byte> data, ChunkingOptions options) => FindCut(data, options, LaneGearScan.IsSupported);

    /// <summary>The same cut, with the lane-parallel search used only when <paramref name="lanes"/> (tests compare both).</summary>
    internal static int FindCut(ReadOnlySpan<byte> data, ChunkingOptions options, bool lanes)
    {
        var length = data.Length;
        if (length <= options.Min) return length;
        var end = Math.Min(length, options.Max);
        var normal = Math.Min(end, options.Avg);
        ref var start = ref MemoryMarshal.GetReference(data);
        ref var gear = ref MemoryMarshal.GetArrayDataReference(GearTable.Values);
        lanes &= LaneGearScan.IsSupported;
        // Bytes before Min never end a chunk, so hashing starts there (the hash window is only 64 bytes).
        var i = Search(ref start, ref gear, options.Min, options.Min, normal, options.HardMask, lanes);
        if (i >= 0) return i;
        i = Search(ref start, ref gear, options.Min, normal, end, options.EasyMask, lanes);
        if (i >= 0) return i;
        return end;
    }

    /// <summary>
    /// The first cut in [from, to) for <paramref name="mask"/>, or -1. The lane-parallel search takes whole
    /// blocks from 64 bytes past <paramref name="hashStart"/> on (before that the hash still depends on where
    /// hashing started); the scalar one takes the positions before and the tail after.
    /// </summary>
    private static int Search(ref byte data, ref ulong gear, int hashStart, int from, int to, ulong mask, bool lanes)
    {
        var hash = GearScan.HashBefore(ref data, ref gear, hashStart, from);
        var laneStart = Math.Max(from, hashStart + GearScan.Window);
        if (lanes && to - laneStart >= LaneGearScan.Block)
        {
            var head = GearScan.Scan(ref data, ref gear, from, laneStart, mask, ref hash);
            if (head >= 0) return head;
            var cut = LaneGearScan.Scan(ref data, ref gear, laneStart, to, mask, out from);
            if (cut >= 0) return cut;
            hash = GearScan.HashBefore(ref data, ref gear, hashStart, from);
        }
        return GearScan.Scan(ref data, ref gear, from, to, mask, ref hash);
    }
}
