using System.Numerics;
using FileSync.Storage.Chunking;

namespace FileSync.Storage.ChunkingTests;

using FileSync.Storage.Tests;

/// <summary>
/// The cut rule written the slow, obvious way (one byte per step, a branch per position): the optimized <see cref="ContentDefinedChunker"/> must agree with it everywhere.
/// The gear table is re-derived here from its documented definition (SplitMix64, seed "FileSync"), which
/// also pins it: a changed table would silently change every boundary on every node.
/// </summary>
internal static class ReferenceChunker
{
    private static readonly ulong[] Gear = BuildGear();

    public static int FindCut(ReadOnlySpan<byte> data, ChunkingOptions options)
    {
        var bits = BitOperations.Log2((uint)options.Avg);
        var hardMask = ulong.MaxValue << (64 - (bits + 2));
        var easyMask = ulong.MaxValue << (64 - Math.Max(1, bits - 2));
        var limit = Math.Min(data.Length, options.Max);
        if (limit <= options.Min) return limit;
        // By definition the hash starts from zero at offset Min: no cut can fall in the first Min bytes, so
        // they are never hashed (they only matter to the first 64 positions after Min).
        ulong hash = 0;
        for (var i = options.Min; i < limit; i++)
        {
            hash = (hash << 1) + Gear[data[i]];
            var length = i + 1;
            var mask = length <= options.Avg ? hardMask : easyMask;
            if ((hash & mask) == 0) return length;
        }
        return limit;
    }

    public static List<int> Cuts(ReadOnlySpan<byte> data, ChunkingOptions options, Func<ReadOnlySpan<byte>, ChunkingOptions, int> findCut)
    {
        var lengths = new List<int>();
        for (var position = 0; position < data.Length;)
        {
            var length = findCut(data[position..], options);
            lengths.Add(length);
            position += length;
        }
        return lengths;
    }

    private static ulong[] BuildGear()
    {
        var values = new ulong[256];
        var state = 0x46696C6553796E63UL;
        for (var i = 0; i < values.Length; i++)
        {
            state += 0x9E3779B97F4A7C15;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            values[i] = z ^ (z >> 31);
        }
        return values;
    }
}
