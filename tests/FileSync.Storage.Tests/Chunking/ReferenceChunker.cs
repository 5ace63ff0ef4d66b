using System.Numerics;
using FileSync.Storage.Chunking;

namespace FileSync.Storage.ChunkingTests;

using FileSync.Storage.Tests;

/// <summary>
/// The cut rule written the slow, obvious way: the hash of the 32-byte window ending at each position computed
/// from scratch, one position at a time. The optimized <see cref="ContentDefinedChunker"/> (both paths) must agree
/// with it everywhere. The gear table is re-derived here from its documented definition (top halves of
/// SplitMix64 outputs, seed "FileSync"), which also pins it: a changed table would silently change every boundary
/// on every node.
/// </summary>
internal static class ReferenceChunker
{
    private const int Window = 32;
    private static readonly uint[] Gear = BuildGear();

    /// <summary>Σ G[data[end-1-k]] · 2^k over the 32 bytes before <paramref name="end"/>, mod 2^32.</summary>
    public static uint WindowHash(ReadOnlySpan<byte> data, int end)
    {
        uint hash = 0;
        for (var k = 0; k < Window; k++) hash += Gear[data[end - 1 - k]] << k;
        return hash;
    }

    public static int FindCut(ReadOnlySpan<byte> data, ChunkingOptions options)
    {
        var bits = BitOperations.Log2((uint)options.Avg);
        var hardMask = uint.MaxValue << (32 - (bits + 2));
        var easyMask = uint.MaxValue << (32 - Math.Max(1, bits - 2));
        var limit = Math.Min(data.Length, options.Max);
        if (limit <= options.Min) return limit;
        for (var length = options.Min + 1; length <= limit; length++)
        {
            var mask = length <= options.Avg ? hardMask : easyMask;
            if ((WindowHash(data, length) & mask) == 0) return length;
        }
        return limit;
    }

    /// <summary>Chunks cut from the front; unless <paramref name="final"/>, only while a whole Max is visible.</summary>
    public static List<int> CutAll(ReadOnlySpan<byte> data, bool final, ChunkingOptions options)
    {
        var lengths = new List<int>();
        for (var position = 0; position < data.Length && (final || data.Length - position >= options.Max);)
        {
            var length = FindCut(data[position..], options);
            lengths.Add(length);
            position += length;
        }
        return lengths;
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

    private static uint[] BuildGear()
    {
        var values = new uint[256];
        var state = 0x46696C6553796E63UL;
        for (var i = 0; i < values.Length; i++)
        {
            state += 0x9E3779B97F4A7C15;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            values[i] = (uint)((z ^ (z >> 31)) >> 32);
        }
        return values;
    }
}
