using System.Numerics;
using FileSync.Storage.Chunking;

namespace FileSync.Storage.Content;

/// <summary>
/// A Bloom filter over the hashes of every chunk row this node wrote or found at start: a hash it does not
/// contain is certainly not stored, so its existence lookup (a random-key B-tree probe and a round trip per
/// batch) is skipped. New data — most of a fresh upload — then costs no lookups at all. A hash it contains is
/// looked up as before (false positives, and chunks collected since, are just lookups).
/// </summary>
/// <remarks>
/// Only valid where this process is the only writer of the chunk index (SQLite); PostgreSQL nodes share theirs.
/// Every insert adds its hashes <em>before</em> the row is written, so "absent" is never wrong. Collection does
/// not remove bits (a Bloom filter cannot); the next rebuild drops them. Chunk hashes are uniformly distributed,
/// so the probe positions come straight from two of the hash's words. Sized at 16–32 bits per chunk with four
/// probes (false positive rate under 1 %, ~3 MB per million chunks); once more chunks were added than it was
/// sized for, it is rebuilt at twice the capacity from the index.
/// </remarks>
internal sealed class KnownChunks
{
    private const int Probes = 4;
    private const int BitsPerChunk = 16;
    private const long MinCapacity = 1 << 20;

    private ulong[] _bits;
    private long _capacity;
    private long _count;

    /// <param name="capacity">How many chunks it is sized for (at least a million: 2 MiB).</param>
    public KnownChunks(long capacity)
    {
        _capacity = Math.Max(MinCapacity, capacity);
        _bits = NewBits(_capacity);
    }

    /// <summary>How many hashes were added (repeats included).</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>True when more chunks were added than the filter was sized for: time for <see cref="ReplaceWith"/>.</summary>
    public bool Overfull => Count > _capacity;

    public bool MayContain(ChunkHash hash)
    {
        var bits = Volatile.Read(ref _bits);
        var mask = (ulong)bits.Length * 64 - 1;
        for (var i = 0; i < Probes; i++)
        {
            var bit = Probe(hash, i) & mask;
            if ((bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    /// <summary>Adds hashes; safe alongside <see cref="MayContain"/> on other threads.</summary>
    public void Add(ChunkHash hash)
    {
        var bits = Volatile.Read(ref _bits);
        var mask = (ulong)bits.Length * 64 - 1;
        for (var i = 0; i < Probes; i++)
        {
            var bit = Probe(hash, i) & mask;
            Interlocked.Or(ref bits[bit >> 6], 1UL << (int)(bit & 63));
        }
        Interlocked.Increment(ref _count);
    }

    /// <summary>
    /// Takes over the bits of <paramref name="rebuilt"/>, a filter just built from every hash of the index. The
    /// caller excludes concurrent inserts (SQLite's write lock), so no hash added meanwhile is lost.
    /// </summary>
    public void ReplaceWith(KnownChunks rebuilt)
    {
        _capacity = rebuilt._capacity;
        Interlocked.Exchange(ref _count, rebuilt._count);
        Volatile.Write(ref _bits, rebuilt._bits);
    }

    /// <summary>Memory held by the bit array (for the documentation's figures and tests).</summary>
    public long SizeInBytes => Volatile.Read(ref _bits).LongLength * sizeof(ulong);

    // Double hashing over two independent 64-bit words of a cryptographic hash.
    private static ulong Probe(ChunkHash hash, int i) => hash.P1 + (ulong)i * (hash.P2 | 1);

    private static ulong[] NewBits(long capacity) =>
        new ulong[BitOperations.RoundUpToPowerOf2((ulong)(capacity * BitsPerChunk)) / 64];
}
