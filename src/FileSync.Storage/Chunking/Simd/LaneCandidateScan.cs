using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FileSync.Storage.Chunking.Simd;

/// <summary>
/// Finds the cut candidates of a whole buffer sixteen segments at a time, one per 32-bit lane of a
/// <see cref="Vector512{T}"/>. The tested hash is the hash of the 32-byte window, so each lane first rolls the
/// 32 bytes before its segment (untested) and then tests every position of its segment, independently of the
/// others. Per step a lane costs two adds and an unsigned min; the gear values are computed, not looked up
/// (<see cref="GfniGear"/>). The rest of the buffer (less than 16 × 16 bytes) is searched by the scalar scan.
/// </summary>
internal static class LaneCandidateScan
{
    private const int Lanes = 16;

    /// <summary>Bytes per lane per iteration: one 16-byte load per lane, gear values computed 4 steps at a time.</summary>
    private const int Steps = 16;

    /// <summary>Below this the per-call set-up outweighs the gain; the chunk-by-chunk search is used.</summary>
    public const int MinimumLength = 4096;

    public static bool IsSupported => GfniGear.IsSupported;

    public static void Find(ReadOnlySpan<byte> data, ChunkingOptions options, CutCandidates candidates)
    {
        const int first = ContentDefinedChunker.Window; // earlier windows are incomplete, and never tested (Min ≥ 64)
        var segment = (data.Length - first) / (Lanes * Steps) * Steps;
        var laneHits = new CutCandidates[Lanes];
        for (var lane = 0; lane < Lanes; lane++) laneHits[lane] = new CutCandidates(segment / 1024 + 4);
        if (segment > 0)
        {
            ref var lanes = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), first);
            Span<PendingHit> pending = stackalloc PendingHit[PendingCapacity];
            // Negative offsets are the warm-up: they roll the window before each segment, testing nothing.
            var offset = -ContentDefinedChunker.Window;
            var h = Vector512<uint>.Zero;
            while (offset < segment)
            {
                var count = ScanLanes(ref lanes, ref offset, segment, options.EasyMask, ref h, pending);
                foreach (var hit in pending[..count]) Record(ref lanes, first, segment, hit, options, laneHits);
            }
        }
        foreach (var hits in laneHits) candidates.AddAll(hits);
        ScalarCandidateScan.Find(data, first + Lanes * segment, data.Length, options, candidates);
    }

    /// <summary>Iterations with a hit, resolved after the hot loop so that it makes no calls and keeps its constants in registers.</summary>
    private const int PendingCapacity = 64;

    /// <summary>An iteration in which some lanes passed the easy mask: the hashes before it, its offset, those lanes.</summary>
    private struct PendingHit
    {
        public Vector512<uint> Before;
        public int Offset;
        public uint Lanes;
    }

    /// <summary>
    /// Rolls all lanes from <paramref name="offset"/> on, lane j over bytes j·segment + offset … of
    /// <paramref name="lanes"/>, until the segments end or <paramref name="pending"/> is full; returns how many
    /// iterations with hits it stored there.
    /// </summary>
    // Optimized at once: called a few times per buffer, it would otherwise run as on-stack-replaced code.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int ScanLanes(ref byte lanes, ref int offset, int segment, uint easyMask, ref Vector512<uint> hash, Span<PendingHit> pending)
    {
        var gear = GfniGear.Constants;
        var passing = Vector512.Create(~easyMask); // hashes at or below this pass the easy mask
        var h = hash;
        var count = 0;
        var at = offset;
        while (at < segment)
        {
            Load(ref Unsafe.Add(ref lanes, at), segment, out var w0, out var w1, out var w2, out var w3);
            var before = h;
            var least = Vector512<uint>.AllBitsSet;
            Roll(gear, w0, ref h, ref least);
            Roll(gear, w1, ref h, ref least);
            Roll(gear, w2, ref h, ref least);
            Roll(gear, w3, ref h, ref least);
            var hits = Vector512.LessThanOrEqual(least, passing);
            at += Steps;
            if (hits != Vector512<uint>.Zero && at > 0)
            {
                ref var slot = ref pending[count];
                slot.Before = before;
                slot.Offset = at - Steps;
                slot.Lanes = (uint)hits.ExtractMostSignificantBits();
                if (++count == pending.Length) break;
            }
        }
        offset = at;
        hash = h;
        return count;
    }

    /// <summary>
    /// Four steps of all lanes. The easy mask is the top bits, so a hash passes it exactly when it is below
    /// <c>~easyMask + 1</c>: the smallest hash per lane (one unsigned min per step) tells whether any step passed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Roll(in GfniGear gear, Vector512<byte> steps, ref Vector512<uint> h, ref Vector512<uint> least)
    {
        gear.Look(steps, out var g0, out var g1, out var g2, out var g3);
        var x = h;
        x = x + x + g0;
        var low = Vector512.Min(least, x);
        x = x + x + g1;
        low = Vector512.Min(low, x);
        x = x + x + g2;
        low = Vector512.Min(low, x);
        x = x + x + g3;
        least = Vector512.Min(low, x);
        h = x;
    }

    /// <summary>
    /// The next 16 bytes of each of the 16 segments, as four vectors of one 4-byte group per segment:
    /// vector r, 128-bit lane L, dword m = bytes [4r, 4r+4) of segment 4·L + m. Four vectors of four 16-byte loads,
    /// then a 4 × 4 dword transpose in each 128-bit lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Load(ref byte p, int segment, out Vector512<byte> w0, out Vector512<byte> w1, out Vector512<byte> w2, out Vector512<byte> w3)
    {
        var z0 = Segments(ref p, segment).AsUInt32();
        var z1 = Segments(ref Unsafe.Add(ref p, segment), segment).AsUInt32();
        var z2 = Segments(ref Unsafe.Add(ref p, 2 * segment), segment).AsUInt32();
        var z3 = Segments(ref Unsafe.Add(ref p, 3 * segment), segment).AsUInt32();
        var t0 = Avx512F.UnpackLow(z0, z1).AsUInt64();
        var t1 = Avx512F.UnpackHigh(z0, z1).AsUInt64();
        var t2 = Avx512F.UnpackLow(z2, z3).AsUInt64();
        var t3 = Avx512F.UnpackHigh(z2, z3).AsUInt64();
        w0 = Avx512F.UnpackLow(t0, t2).AsByte();
        w1 = Avx512F.UnpackHigh(t0, t2).AsByte();
        w2 = Avx512F.UnpackLow(t1, t3).AsByte();
        w3 = Avx512F.UnpackHigh(t1, t3).AsByte();
    }

    /// <summary>16 bytes at <paramref name="p"/> and at 4, 8 and 12 segments further, one per 128-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Segments(ref byte p, int segment)
    {
        var v = Unsafe.ReadUnaligned<Vector128<byte>>(ref p).ToVector256Unsafe().ToVector512Unsafe();
        v = Avx512F.InsertVector128(v, Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref p, 4 * segment)), 1);
        v = Avx512F.InsertVector128(v, Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref p, 8 * segment)), 2);
        return Avx512F.InsertVector128(v, Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref p, 12 * segment)), 3);
    }

    /// <summary>
    /// Rare (default bounds: one iteration in ~8): re-rolls an iteration's 16 bytes in the lanes that hit, one at a
    /// time from the hash before it, and records each hit with its hard-mask result.
    /// </summary>
    private static void Record(ref byte lanes, int first, int segment, in PendingHit hit, ChunkingOptions options, CutCandidates[] laneHits)
    {
        var gear = GearTable.Values;
        var easy = options.EasyMask;
        var hard = options.HardMask;
        for (var laneMask = hit.Lanes; laneMask != 0; laneMask &= laneMask - 1)
        {
            var lane = BitOperations.TrailingZeroCount(laneMask);
            var hash = hit.Before.GetElement(lane);
            var position = lane * segment + hit.Offset;
            for (var t = 0; t < Steps; t++)
            {
                hash = (hash << 1) + gear[Unsafe.Add(ref lanes, position + t)];
                if ((hash & easy) == 0) laneHits[lane].Add(first + position + t + 1, (hash & hard) == 0);
            }
        }
    }
}
