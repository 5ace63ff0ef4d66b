using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FileSync.Storage.Chunking;

/// <summary>
/// The cut search over eight segments at once, one per lane of a <see cref="Vector512{T}"/>.
/// Past the first <see cref="GearScan.Window"/> bytes of a chunk's hashed region the hash at a position
/// is the hash of the 64 bytes ending there, whatever came before, so a block of
/// <see cref="Lanes"/> × <see cref="Segment"/> positions can be split into segments hashed independently:
/// each lane first rolls over the 64 bytes before its segment (warm-up, untested), then over its segment,
/// testing every position. The first hit in data order is the first hit of the lowest lane that has one
/// (lanes hold consecutive segments), so a hit in lane 0 ends the block early.
/// </summary>
internal static class LaneGearScan
{
    public const int Lanes = 8;

    /// <summary>Steps per gear look-up: 8 lanes × 8 bytes fill one 64-byte vector.</summary>
    private const int Steps = 8;

    /// <summary>
    /// Bytes per lane per block: the warm-up costs 64/<see cref="Segment"/> extra, and a cut wastes on
    /// average half a block of work after it; 256 keeps both small next to an average chunk (~8 KiB).
    /// </summary>
    public const int Segment = 256;

    public const int Block = Lanes * Segment;

    public static bool IsSupported => GearSlices.IsSupported;

    /// <summary>
    /// Searches whole blocks of [from, to) and returns the length of the chunk ending at the first position
    /// whose hash has no bits in <paramref name="mask"/>, or -1 with <paramref name="reached"/> set to where the
    /// blocks ended (the rest, shorter than a block, is left to the scalar search).
    /// <paramref name="from"/> must be at least <see cref="GearScan.Window"/> bytes past where hashing started.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Scan(ref byte data, ref ulong gear, int from, int to, ulong mask, out int reached)
    {
        var masks = Vector512.Create(mask);
        ref var tables = ref GearSlices.Tables;
        for (; to - from >= Block; from += Block)
        {
            ref var block = ref Unsafe.Add(ref data, from);
            var h = Vector512<ulong>.Zero;
            for (var t = -GearScan.Window; t < 0; t += Steps)
            {
                GearSlices.Look(ref tables, LaneBytes(ref Unsafe.Add(ref block, t)), out var g0, out var g1, out var g2, out var g3, out var g4, out var g5, out var g6, out var g7);
                h = h + h + g0; h = h + h + g1; h = h + h + g2; h = h + h + g3;
                h = h + h + g4; h = h + h + g5; h = h + h + g6; h = h + h + g7;
            }

            var firstLane = Lanes;
            var firstCut = -1;
            for (var t = 0; t < Segment; t += Steps)
            {
                GearSlices.Look(ref tables, LaneBytes(ref Unsafe.Add(ref block, t)), out var g0, out var g1, out var g2, out var g3, out var g4, out var g5, out var g6, out var g7);
                // The smallest masked hash of the 8 steps per lane: zero where a lane hit (one min per step, one compare per 8).
                h = h + h + g0; var least = h & masks;
                h = h + h + g1; least = Vector512.Min(least, h & masks);
                h = h + h + g2; least = Vector512.Min(least, h & masks);
                h = h + h + g3; least = Vector512.Min(least, h & masks);
                h = h + h + g4; least = Vector512.Min(least, h & masks);
                h = h + h + g5; least = Vector512.Min(least, h & masks);
                h = h + h + g6; least = Vector512.Min(least, h & masks);
                h = h + h + g7; least = Vector512.Min(least, h & masks);
                var hits = Vector512.Equals(least, Vector512<ulong>.Zero);
                if (hits == Vector512<ulong>.Zero) continue;
                var lane = BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
                if (lane >= firstLane) continue;
                // Rare (a few % of steps at most): find which of the 8 positions hit with the scalar search.
                // A lane's first hit is its earliest; a lower lane's hit, found later, is still earlier in the data.
                var position = from + lane * Segment + t;
                var hash = GearScan.HashBefore(ref data, ref gear, 0, position);
                firstCut = GearScan.Scan(ref data, ref gear, position, position + Steps, mask, ref hash);
                firstLane = lane;
                if (lane == 0) break;
            }
            if (firstCut >= 0)
            {
                reached = from;
                return firstCut;
            }
        }
        reached = from;
        return -1;
    }

    /// <summary>The 8 bytes at <paramref name="p"/> and at the same offset in the next 7 segments, one lane each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> LaneBytes(ref byte p) => Vector512.Create(
        Unsafe.ReadUnaligned<ulong>(ref p),
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, Segment)),
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 2 * Segment)),
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 3 * Segment)),
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 4 * Segment)),
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 5 * Segment)),
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 6 * Segment)),
        Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 7 * Segment))).AsByte();
}
