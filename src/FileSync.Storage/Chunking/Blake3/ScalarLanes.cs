using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>One compression at a time in plain <c>uint</c>s: the portable path for CPUs without AVX2.</summary>
internal readonly unsafe struct ScalarLanes : IWordLanes<uint>
{
    public static int Width => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint a, uint b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Xor(uint a, uint b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint RotateRight(uint value, [ConstantExpected(Min = 1, Max = 31)] byte count) => BitOperations.RotateRight(value, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Broadcast(uint value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Load(uint* values) => values[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(uint value, uint* destination) => destination[0] = value;

    public static void LoadMessage(byte** blocks, nint offset, ref Message<uint> message)
    {
        var block = new ReadOnlySpan<byte>(blocks[0] + offset, Blake3Constants.BlockSize);
        for (var j = 0; j < 16; j++) message[j] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * j)..]);
    }
}
