using System.Runtime.CompilerServices;

namespace FileSync.Storage.Chunking;

/// <summary>The scalar gear-hash cut search: the fallback, the first 64 positions of a chunk, and short tails.</summary>
internal static class GearScan
{
    /// <summary>Bytes in the hash's window: a byte's value is shifted out of the 64-bit hash after 64 steps.</summary>
    public const int Window = 64;

    /// <summary>
    /// The hash just before <paramref name="position"/>, given that hashing started (from zero) at
    /// <paramref name="hashStart"/>: only the last <see cref="Window"/> bytes still count.
    /// </summary>
    public static ulong HashBefore(ref byte data, ref ulong gear, int hashStart, int position)
    {
        ulong h = 0;
        for (var i = Math.Max(hashStart, position - Window); i < position; i++)
            h = (h << 1) + Unsafe.Add(ref gear, Unsafe.Add(ref data, i));
        return h;
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
    public static int Scan(ref byte data, ref ulong gear, int from, int to, ulong mask, ref ulong hash)
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
