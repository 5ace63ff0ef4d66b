using System.Numerics;

namespace FileSync.Storage.Chunking;

/// <summary>
/// Chunk size bounds of the content-defined chunker. Every node that exchanges chunk lists must use the
/// same values, otherwise equal content is cut differently and nothing is shared.
/// </summary>
public sealed record ChunkingOptions
{
    public const int DefaultMin = 2 * 1024;
    public const int DefaultAvg = 8 * 1024;
    public const int DefaultMax = 64 * 1024;

    public static ChunkingOptions Default { get; } = new(DefaultMin, DefaultAvg, DefaultMax);

    public ChunkingOptions(int min, int avg, int max)
    {
        if (min < 64) throw new ArgumentOutOfRangeException(nameof(min), min, "The minimum chunk size must be at least 64 bytes.");
        if (!BitOperations.IsPow2(avg)) throw new ArgumentOutOfRangeException(nameof(avg), avg, "The average chunk size must be a power of two.");
        if (!(min < avg && avg < max))
            throw new ArgumentException($"Chunk sizes must satisfy min < avg < max; got {min}/{avg}/{max}.");
        if (max > 16 * 1024 * 1024) throw new ArgumentOutOfRangeException(nameof(max), max, "The maximum chunk size must be at most 16 MiB.");
        Min = min;
        Avg = avg;
        Max = max;
        var bits = BitOperations.Log2((uint)avg);
        // Normalized chunking (level 2): a harder mask before the average size and an easier one after it
        // pulls chunk sizes towards the average. Ones sit in the top bits: with a left-shifting 32-bit gear
        // hash the top bits depend on the most recent 32 bytes, the widest window the hash has. The easy
        // mask's bits are a subset of the hard mask's, so every hard-mask hit is an easy-mask hit too.
        HardMask = TopBits(bits + 2);
        EasyMask = TopBits(Math.Max(1, bits - 2));
    }

    public int Min { get; }
    public int Avg { get; }
    public int Max { get; }
    internal uint HardMask { get; }
    internal uint EasyMask { get; }

    private static uint TopBits(int count) => uint.MaxValue << (32 - count);
}
