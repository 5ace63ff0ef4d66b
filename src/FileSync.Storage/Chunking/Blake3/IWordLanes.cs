using System.Diagnostics.CodeAnalysis;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// How one BLAKE3 state word is held: a plain <c>uint</c> (one compression at a time) or a vector of them
/// (one independent compression per lane). The compression function is written once against this, and the
/// JIT specializes it per implementing struct, so each width gets straight-line code without calls.
/// </summary>
internal unsafe interface IWordLanes<T> where T : struct
{
    /// <summary>How many independent compressions one value of <typeparamref name="T"/> carries.</summary>
    static abstract int Width { get; }

    static abstract T Add(T a, T b);
    static abstract T Xor(T a, T b);
    static abstract T RotateRight(T value, [ConstantExpected(Min = 1, Max = 31)] byte count);
    static abstract T Broadcast(uint value);

    /// <summary>Lane i of the result is <c>values[i]</c>.</summary>
    static abstract T Load(uint* values);

    /// <summary>Writes lane i of <paramref name="value"/> to <c>destination[i]</c>.</summary>
    static abstract void Store(T value, uint* destination);

    /// <summary>
    /// Message word j of lane i = little-endian word j of the 64-byte block at <c>blocks[i] + offset</c>; the
    /// vector forms load whole blocks and transpose them in registers.
    /// </summary>
    static abstract void LoadMessage(byte** blocks, nint offset, ref Message<T> message);
}
