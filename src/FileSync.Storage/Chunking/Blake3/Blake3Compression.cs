using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>The 16 message words of one block per lane.</summary>
[InlineArray(16)]
internal struct Message<T> where T : struct
{
    private T _word;
}

/// <summary>An 8-word chaining value per lane.</summary>
[InlineArray(8)]
internal struct ChainingValue<T> where T : struct
{
    private T _word;
}

/// <summary>
/// The BLAKE3 compression function (7 rounds of the ChaCha-like G mixing over a 4×4 word state), written
/// once for any lane width. Only the first 8 output words are produced: that is the chaining value, and
/// for the root node the 32-byte hash.
/// </summary>
internal static class Blake3Compression<T, TLanes> where T : struct where TLanes : struct, IWordLanes<T>
{
    /// <summary>Compresses one block per lane into <paramref name="cv"/>, which holds the input chaining value.</summary>
    // Not inlined: its callers are large, and inside them the JIT runs out of inlining budget and leaves
    // Round and G as calls, with the whole state spilled to memory. Optimized from its first call (no tier-0 copy,
    // where none of the lane helpers is inlined: a cold node hashed its first hundreds of MiB ~30x slower).
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Compress(ref ChainingValue<T> cv, ref Message<T> m, T counterLow, T counterHigh, T blockLength, T flags)
    {
        var iv = Blake3Constants.IV;
        T s0 = cv[0], s1 = cv[1], s2 = cv[2], s3 = cv[3], s4 = cv[4], s5 = cv[5], s6 = cv[6], s7 = cv[7];
        T s8 = TLanes.Broadcast(iv[0]), s9 = TLanes.Broadcast(iv[1]), s10 = TLanes.Broadcast(iv[2]), s11 = TLanes.Broadcast(iv[3]);
        T s12 = counterLow, s13 = counterHigh, s14 = blockLength, s15 = flags;

        ref var schedule = ref MemoryMarshal.GetArrayDataReference(ScheduleOffsets);
        for (var round = 0; round < 7; round++)
        {
            Round(ref s0, ref s1, ref s2, ref s3, ref s4, ref s5, ref s6, ref s7, ref s8, ref s9, ref s10, ref s11, ref s12, ref s13, ref s14, ref s15,
                ref m, ref Unsafe.Add(ref schedule, round * 16));
        }

        cv[0] = TLanes.Xor(s0, s8);
        cv[1] = TLanes.Xor(s1, s9);
        cv[2] = TLanes.Xor(s2, s10);
        cv[3] = TLanes.Xor(s3, s11);
        cv[4] = TLanes.Xor(s4, s12);
        cv[5] = TLanes.Xor(s5, s13);
        cv[6] = TLanes.Xor(s6, s14);
        cv[7] = TLanes.Xor(s7, s15);
    }

    /// <summary>
    /// Row r of the message schedule: the specification's word permutation applied r times. Indexing the
    /// message through it replaces permuting the 16 message words between rounds.
    /// </summary>
    private static ReadOnlySpan<byte> Schedule =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8,
        3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1,
        10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6,
        12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4,
        9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7,
        11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13,
    ];

    /// <summary>
    /// <see cref="Schedule"/> as byte offsets into a <see cref="Message{T}"/>: the loop then adds a message
    /// word straight from memory, with no scalar index arithmetic competing for the vector ports.
    /// </summary>
    private static readonly nint[] ScheduleOffsets = BuildScheduleOffsets();

    private static nint[] BuildScheduleOffsets()
    {
        var offsets = new nint[Schedule.Length];
        for (var i = 0; i < offsets.Length; i++) offsets[i] = Schedule[i] * Unsafe.SizeOf<T>();
        return offsets;
    }

    /// <summary>Mixes the four columns, then the four diagonals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(
        ref T s0, ref T s1, ref T s2, ref T s3, ref T s4, ref T s5, ref T s6, ref T s7,
        ref T s8, ref T s9, ref T s10, ref T s11, ref T s12, ref T s13, ref T s14, ref T s15, ref Message<T> m, ref nint sigma)
    {
        G(ref s0, ref s4, ref s8, ref s12, Word(ref m, ref sigma, 0), Word(ref m, ref sigma, 1));
        G(ref s1, ref s5, ref s9, ref s13, Word(ref m, ref sigma, 2), Word(ref m, ref sigma, 3));
        G(ref s2, ref s6, ref s10, ref s14, Word(ref m, ref sigma, 4), Word(ref m, ref sigma, 5));
        G(ref s3, ref s7, ref s11, ref s15, Word(ref m, ref sigma, 6), Word(ref m, ref sigma, 7));
        G(ref s0, ref s5, ref s10, ref s15, Word(ref m, ref sigma, 8), Word(ref m, ref sigma, 9));
        G(ref s1, ref s6, ref s11, ref s12, Word(ref m, ref sigma, 10), Word(ref m, ref sigma, 11));
        G(ref s2, ref s7, ref s8, ref s13, Word(ref m, ref sigma, 12), Word(ref m, ref sigma, 13));
        G(ref s3, ref s4, ref s9, ref s14, Word(ref m, ref sigma, 14), Word(ref m, ref sigma, 15));
    }

    /// <summary>The message word at byte offset <c>sigma[slot]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Word(ref Message<T> m, ref nint sigma, int slot) =>
        Unsafe.AddByteOffset(ref Unsafe.As<Message<T>, T>(ref m), Unsafe.Add(ref sigma, slot));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(ref T a, ref T b, ref T c, ref T d, T x, T y)
    {
        a = TLanes.Add(TLanes.Add(a, b), x);
        d = TLanes.RotateRight(TLanes.Xor(d, a), 16);
        c = TLanes.Add(c, d);
        b = TLanes.RotateRight(TLanes.Xor(b, c), 12);
        a = TLanes.Add(TLanes.Add(a, b), y);
        d = TLanes.RotateRight(TLanes.Xor(d, a), 8);
        c = TLanes.Add(c, d);
        b = TLanes.RotateRight(TLanes.Xor(b, c), 7);
    }
}
