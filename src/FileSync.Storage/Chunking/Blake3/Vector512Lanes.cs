using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// Sixteen compressions side by side in 512-bit vectors (AVX-512F). A 512-bit instruction costs more than a
/// 256-bit one but less than two, so this pays off only when more than eight lanes have work.
/// </summary>
internal readonly unsafe struct Vector512Lanes : IWordLanes<Vector512<uint>>
{
    public static bool IsSupported => Avx512F.IsSupported && Vector256Lanes.IsSupported;

    public static int Width => 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> a, Vector512<uint> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Xor(Vector512<uint> a, Vector512<uint> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateRight(Vector512<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.RotateRight(value, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Broadcast(uint value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Load(uint* values) => Vector512.Load(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<uint> value, uint* destination) => value.Store(destination);

    /// <summary>
    /// Loads sixteen 64-byte blocks (one row each) and transposes the 16×16 words in four steps of sixteen
    /// instructions: interleave words of row pairs, then 64-bit pairs of row quads, then gather 128-bit
    /// quarters twice. Afterwards vector j holds word j of every lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LoadMessage(byte** blocks, nint offset, ref Message<Vector512<uint>> message)
    {
        // Rows 4m..4m+3 give b[4m + k], whose quarter q is word 4q + k of those four rows.
        Quad(Row(blocks[0] + offset), Row(blocks[1] + offset), Row(blocks[2] + offset), Row(blocks[3] + offset), out var b0, out var b1, out var b2, out var b3);
        Quad(Row(blocks[4] + offset), Row(blocks[5] + offset), Row(blocks[6] + offset), Row(blocks[7] + offset), out var b4, out var b5, out var b6, out var b7);
        Quad(Row(blocks[8] + offset), Row(blocks[9] + offset), Row(blocks[10] + offset), Row(blocks[11] + offset), out var b8, out var b9, out var b10, out var b11);
        Quad(Row(blocks[12] + offset), Row(blocks[13] + offset), Row(blocks[14] + offset), Row(blocks[15] + offset), out var b12, out var b13, out var b14, out var b15);
        Gather(b0, b4, b8, b12, ref message, 0);
        Gather(b1, b5, b9, b13, ref message, 1);
        Gather(b2, b6, b10, b14, ref message, 2);
        Gather(b3, b7, b11, b15, ref message, 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Row(byte* address) => Vector512.Load((uint*)address);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quad(Vector512<uint> r0, Vector512<uint> r1, Vector512<uint> r2, Vector512<uint> r3,
        out Vector512<uint> k0, out Vector512<uint> k1, out Vector512<uint> k2, out Vector512<uint> k3)
    {
        var a0 = Avx512F.UnpackLow(r0, r1).AsUInt64();
        var a1 = Avx512F.UnpackHigh(r0, r1).AsUInt64();
        var a2 = Avx512F.UnpackLow(r2, r3).AsUInt64();
        var a3 = Avx512F.UnpackHigh(r2, r3).AsUInt64();
        k0 = Avx512F.UnpackLow(a0, a2).AsUInt32();
        k1 = Avx512F.UnpackHigh(a0, a2).AsUInt32();
        k2 = Avx512F.UnpackLow(a1, a3).AsUInt32();
        k3 = Avx512F.UnpackHigh(a1, a3).AsUInt32();
    }

    /// <summary>
    /// From the four row quads' vectors for word offset k, the message words k, 4 + k, 8 + k and 12 + k:
    /// quarter q of the result comes from quad q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gather(Vector512<uint> q0, Vector512<uint> q1, Vector512<uint> q2, Vector512<uint> q3,
        ref Message<Vector512<uint>> message, int k)
    {
        var low01 = Avx512F.Shuffle4x128(q0, q1, 0x44);  // q0.Q0 q0.Q1 q1.Q0 q1.Q1
        var high01 = Avx512F.Shuffle4x128(q0, q1, 0xEE); // q0.Q2 q0.Q3 q1.Q2 q1.Q3
        var low23 = Avx512F.Shuffle4x128(q2, q3, 0x44);
        var high23 = Avx512F.Shuffle4x128(q2, q3, 0xEE);
        message[k] = Avx512F.Shuffle4x128(low01, low23, 0x88);
        message[4 + k] = Avx512F.Shuffle4x128(low01, low23, 0xDD);
        message[8 + k] = Avx512F.Shuffle4x128(high01, high23, 0x88);
        message[12 + k] = Avx512F.Shuffle4x128(high01, high23, 0xDD);
    }
}
