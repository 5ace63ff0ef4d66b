using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FileSync.Storage.Chunking;

/// <summary>
/// Gear-table look-ups for 64 bytes at once, in registers (AVX-512 VBMI). The table is cut into eight byte
/// slices (slice s holds byte s of every gear value, 256 bytes = four vectors); two two-table byte permutes
/// and a select look a slice up for 64 indices. Hardware gathers were measured ~6× slower than the scalar
/// search on this CPU, which is why the table is not read with them.
/// </summary>
internal static class GearSlices
{
    /// <summary>[4·s + q] = byte s of gear values 64q … 64q+63.</summary>
    private static readonly Vector512<byte>[] Slices = Build();

    public static bool IsSupported => Avx512Vbmi.IsSupported;

    /// <summary>The slice tables, for <see cref="Look"/> (read once per search, not per look-up).</summary>
    public static ref Vector512<byte> Tables => ref Slices[0];

    /// <summary>
    /// The gear values of 64 bytes laid out as 8 lanes × 8 steps (qword j of <paramref name="bytes"/> holds
    /// lane j's next 8 bytes), returned one vector per step: <c>steps[k]</c> lane j = G[byte k of lane j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Look(ref Vector512<byte> slices, Vector512<byte> bytes, out Vector512<ulong> step0, out Vector512<ulong> step1, out Vector512<ulong> step2,
        out Vector512<ulong> step3, out Vector512<ulong> step4, out Vector512<ulong> step5, out Vector512<ulong> step6, out Vector512<ulong> step7)
    {
        var s0 = Slice(ref slices, 0, bytes);
        var s1 = Slice(ref slices, 1, bytes);
        var s2 = Slice(ref slices, 2, bytes);
        var s3 = Slice(ref slices, 3, bytes);
        var s4 = Slice(ref slices, 4, bytes);
        var s5 = Slice(ref slices, 5, bytes);
        var s6 = Slice(ref slices, 6, bytes);
        var s7 = Slice(ref slices, 7, bytes);

        // Transpose the 8 slices × (8 lanes × 8 steps) bytes into 8 steps × 8 lanes of 64-bit values. In each
        // 128-bit half: bytes interleave the slice pairs of one lane, words gather slices 0-3 / 4-7 of four steps,
        // dwords make whole values of two steps, and the last unpack pairs the half's two lanes per step.
        var a01L = Avx512BW.UnpackLow(s0, s1).AsUInt16();  // even lane, steps 0-7, slices 0,1
        var a01H = Avx512BW.UnpackHigh(s0, s1).AsUInt16(); // odd lane
        var a23L = Avx512BW.UnpackLow(s2, s3).AsUInt16();
        var a23H = Avx512BW.UnpackHigh(s2, s3).AsUInt16();
        var a45L = Avx512BW.UnpackLow(s4, s5).AsUInt16();
        var a45H = Avx512BW.UnpackHigh(s4, s5).AsUInt16();
        var a67L = Avx512BW.UnpackLow(s6, s7).AsUInt16();
        var a67H = Avx512BW.UnpackHigh(s6, s7).AsUInt16();

        var b03L03 = Avx512BW.UnpackLow(a01L, a23L).AsUInt32();  // even lane, steps 0-3, slices 0-3
        var b03L47 = Avx512BW.UnpackHigh(a01L, a23L).AsUInt32(); // even lane, steps 4-7
        var b03H03 = Avx512BW.UnpackLow(a01H, a23H).AsUInt32();
        var b03H47 = Avx512BW.UnpackHigh(a01H, a23H).AsUInt32();
        var b47L03 = Avx512BW.UnpackLow(a45L, a67L).AsUInt32();
        var b47L47 = Avx512BW.UnpackHigh(a45L, a67L).AsUInt32();
        var b47H03 = Avx512BW.UnpackLow(a45H, a67H).AsUInt32();
        var b47H47 = Avx512BW.UnpackHigh(a45H, a67H).AsUInt32();

        var cL01 = Avx512F.UnpackLow(b03L03, b47L03).AsUInt64();  // even lane, steps 0,1
        var cL23 = Avx512F.UnpackHigh(b03L03, b47L03).AsUInt64();
        var cL45 = Avx512F.UnpackLow(b03L47, b47L47).AsUInt64();
        var cL67 = Avx512F.UnpackHigh(b03L47, b47L47).AsUInt64();
        var cH01 = Avx512F.UnpackLow(b03H03, b47H03).AsUInt64();  // odd lane, steps 0,1
        var cH23 = Avx512F.UnpackHigh(b03H03, b47H03).AsUInt64();
        var cH45 = Avx512F.UnpackLow(b03H47, b47H47).AsUInt64();
        var cH67 = Avx512F.UnpackHigh(b03H47, b47H47).AsUInt64();

        step0 = Avx512F.UnpackLow(cL01, cH01);
        step1 = Avx512F.UnpackHigh(cL01, cH01);
        step2 = Avx512F.UnpackLow(cL23, cH23);
        step3 = Avx512F.UnpackHigh(cL23, cH23);
        step4 = Avx512F.UnpackLow(cL45, cH45);
        step5 = Avx512F.UnpackHigh(cL45, cH45);
        step6 = Avx512F.UnpackLow(cL67, cH67);
        step7 = Avx512F.UnpackHigh(cL67, cH67);
    }

    /// <summary>Byte <paramref name="slice"/> of the gear value of each of 64 bytes (permutes use the low 7 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Slice(ref Vector512<byte> slices, int slice, Vector512<byte> bytes)
    {
        ref var table = ref Unsafe.Add(ref slices, 4 * slice);
        var low = Avx512Vbmi.PermuteVar64x8x2(table, bytes, Unsafe.Add(ref table, 1));
        var high = Avx512Vbmi.PermuteVar64x8x2(Unsafe.Add(ref table, 2), bytes, Unsafe.Add(ref table, 3));
        return Avx512BW.BlendVariable(low, high, bytes); // by each index's top bit: which half of the table
    }

    private static Vector512<byte>[] Build()
    {
        var gear = GearTable.Values;
        var slices = new Vector512<byte>[32];
        var bytes = new byte[64];
        for (var slice = 0; slice < 8; slice++)
        for (var quarter = 0; quarter < 4; quarter++)
        {
            for (var i = 0; i < 64; i++) bytes[i] = (byte)(gear[64 * quarter + i] >> (8 * slice));
            slices[4 * slice + quarter] = Vector512.Create(bytes);
        }
        return slices;
    }
}
