using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>Eight compressions side by side, one per 32-bit lane of a 256-bit vector (AVX2; AVX-512VL rotates).</summary>
internal readonly unsafe struct Vector256Lanes : IWordLanes<Vector256<uint>>
{
    public static bool IsSupported => Avx2.IsSupported;

    public static int Width => 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> a, Vector256<uint> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Xor(Vector256<uint> a, Vector256<uint> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateRight(Vector256<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(value, count)
            : Vector256.ShiftRightLogical(value, count) | Vector256.ShiftLeft(value, 32 - count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(uint* values) => Vector256.Load(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<uint> value, uint* destination) => value.Store(destination);

    /// <summary>
    /// Loads the blocks of eight lanes and transposes them so vector j holds word j of every lane: two 8×8
    /// transposes of 32-bit words (interleave pairs of words, then pairs of pairs, then swap 128-bit halves).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadMessage(byte** blocks, nint offset, ref Message<Vector256<uint>> message)
    {
        byte* b0 = blocks[0] + offset, b1 = blocks[1] + offset, b2 = blocks[2] + offset, b3 = blocks[3] + offset,
            b4 = blocks[4] + offset, b5 = blocks[5] + offset, b6 = blocks[6] + offset, b7 = blocks[7] + offset;
        Transpose8(Row(b0), Row(b1), Row(b2), Row(b3), Row(b4), Row(b5), Row(b6), Row(b7), ref message, 0);
        Transpose8(Row(b0 + 32), Row(b1 + 32), Row(b2 + 32), Row(b3 + 32), Row(b4 + 32), Row(b5 + 32), Row(b6 + 32), Row(b7 + 32), ref message, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Row(byte* address) => Vector256.Load((uint*)address);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(
        Vector256<uint> r0, Vector256<uint> r1, Vector256<uint> r2, Vector256<uint> r3,
        Vector256<uint> r4, Vector256<uint> r5, Vector256<uint> r6, Vector256<uint> r7,
        ref Message<Vector256<uint>> message, int first)
    {
        // t: lanes (2i, 2i+1) interleaved word by word within each 128-bit half.
        var t0 = Avx2.UnpackLow(r0, r1);
        var t1 = Avx2.UnpackHigh(r0, r1);
        var t2 = Avx2.UnpackLow(r2, r3);
        var t3 = Avx2.UnpackHigh(r2, r3);
        var t4 = Avx2.UnpackLow(r4, r5);
        var t5 = Avx2.UnpackHigh(r4, r5);
        var t6 = Avx2.UnpackLow(r6, r7);
        var t7 = Avx2.UnpackHigh(r6, r7);
        // u: four lanes' copy of one word in each 128-bit half (word w low, word w + 4 high).
        var u0 = Avx2.UnpackLow(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u1 = Avx2.UnpackHigh(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        var u2 = Avx2.UnpackLow(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u3 = Avx2.UnpackHigh(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        var u4 = Avx2.UnpackLow(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u5 = Avx2.UnpackHigh(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        var u6 = Avx2.UnpackLow(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        var u7 = Avx2.UnpackHigh(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        message[first + 0] = Avx2.Permute2x128(u0, u4, 0x20);
        message[first + 1] = Avx2.Permute2x128(u1, u5, 0x20);
        message[first + 2] = Avx2.Permute2x128(u2, u6, 0x20);
        message[first + 3] = Avx2.Permute2x128(u3, u7, 0x20);
        message[first + 4] = Avx2.Permute2x128(u0, u4, 0x31);
        message[first + 5] = Avx2.Permute2x128(u1, u5, 0x31);
        message[first + 6] = Avx2.Permute2x128(u2, u6, 0x31);
        message[first + 7] = Avx2.Permute2x128(u3, u7, 0x31);
    }
}
