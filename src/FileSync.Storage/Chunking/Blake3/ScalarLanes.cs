using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>One compression at a time in plain <c>uint</c>s: the portable path, and the root node.</summary>
internal readonly struct ScalarLanes : IWordLanes<uint>
{
    public static int Width => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint a, uint b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Xor(uint a, uint b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint RotateRight(uint value, [ConstantExpected(Min = 1, Max = 31)] byte count) => BitOperations.RotateRight(value, count);

    public static uint Broadcast(uint value) => value;

    public static uint Load(ReadOnlySpan<uint> values) => values[0];

    public static void Store(uint value, Span<uint> destination) => destination[0] = value;

    public static void LoadMessage(ReadOnlySpan<byte> input, ReadOnlySpan<byte> scratch, ReadOnlySpan<LaneSource> lanes, int blockOffset, ref Message<uint> message)
    {
        var lane = lanes[0];
        var block = (lane.InScratch ? scratch : input).Slice(lane.Offset + blockOffset, Blake3Constants.BlockSize);
        for (var j = 0; j < 16; j++) message[j] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * j)..]);
    }
}
