using System.Numerics;
using FileSync.Storage.Chunking;

namespace FileSync.Storage.ChunkingTests;

using FileSync.Storage.Tests;

/// <summary>
/// The cut rule written the slow, obvious way: the hash of the 32-byte window ending at each position computed
/// from scratch, one position at a time. The optimized <see cref="ContentDefinedChunker"/> (both paths) must agree
/// with it everywhere. The gear table is re-derived here from its documented definition (byte k of G[b] is the
/// GF(2⁸) inverse of b XOR "File"[k]), which also pins it: a changed table would silently change every boundary
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

    /// <summary>
    /// Byte k of G[b] = (b XOR "File"[k])⁻¹ in GF(2⁸) mod x⁸+x⁴+x³+x+1 (0 ↦ 0). Inverses are found here as
    /// x²⁵⁴ by square-and-multiply, a different route from the product's own search.
    /// </summary>
    private static uint[] BuildGear()
    {
        var offsets = "File"u8.ToArray();
        var values = new uint[256];
        for (var b = 0; b < 256; b++)
        for (var k = 0; k < 4; k++)
            values[b] |= (uint)Power((byte)(b ^ offsets[k]), 254) << (8 * k);
        return values;
    }

    private static byte Power(byte x, int exponent)
    {
        byte result = 1;
        for (var bit = 7; bit >= 0; bit--)
        {
            result = Multiply(result, result);
            if ((exponent >> bit & 1) != 0) result = Multiply(result, x);
        }
        return result;
    }

    /// <summary>Carry-less product reduced modulo 0x11B, bit by bit from the top.</summary>
    private static byte Multiply(byte a, byte b)
    {
        var product = 0;
        for (var bit = 7; bit >= 0; bit--)
        {
            product <<= 1;
            if ((product & 0x100) != 0) product ^= 0x11B;
            if ((b >> bit & 1) != 0) product ^= a;
        }
        return (byte)product;
    }
}
