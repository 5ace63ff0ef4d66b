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
        var i = options.Min;
        var hard = options.HardMask;
        for (; i < normal; i++)
        {
            hash = (hash << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref start, i));
            if ((hash & hard) == 0) return i + 1;
        }
        var easy = options.EasyMask;
        for (; i < end; i++)
        {
            hash = (hash << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref start, i));
            if ((hash & easy) == 0) return i + 1;
        }
        return end;
    }
}
