using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// Sixteen compressions side by side in 512-bit vectors (AVX-512F). A 512-bit instruction costs more than a
/// 256-bit one but less than two, so this pays off only when more than eight lanes have work.
/// </summary>
internal readonly struct Vector512Lanes : IWordLanes<Vector512<uint>>
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
    public static Vector512<uint> Load(ReadOnlySpan<uint> values) => Vector512.Create(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<uint> value, Span<uint> destination) => value.CopyTo(destination);

    /// <summary>Two eight-lane transposes (lanes 0–7 and 8–15), each word's halves then joined.</summary>
    public static void LoadMessage(ReadOnlySpan<byte> input, ReadOnlySpan<byte> scratch, ReadOnlySpan<LaneSource> lanes, int blockOffset, ref Message<Vector512<uint>> message)
    {
        Message<Vector256<uint>> low = default, high = default;
        Vector256Lanes.LoadTransposed(input, scratch, lanes[..8], blockOffset, ref low);
        Vector256Lanes.LoadTransposed(input, scratch, lanes[8..16], blockOffset, ref high);
        for (var j = 0; j < 16; j++) message[j] = Vector512.Create(low[j], high[j]);
    }
}
