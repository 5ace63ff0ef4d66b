using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FileSync.Storage.Chunking.Simd;

/// <summary>
/// Gear values for 16 lanes at once without table look-ups: a byte shuffle copies each lane's byte into all four
/// bytes of its 32-bit lane, an XOR adds the per-byte offsets d₀…d₃, and <c>vgf2p8affineinvqb</c> with the
/// identity matrix inverts every byte in GF(2⁸) — exactly <see cref="GearTable"/>'s definition, in three
/// instructions per 16 values (the 256-entry table by byte permutes cost about twice that, plus unpacks).
/// </summary>
internal readonly struct GfniGear
{
    public static bool IsSupported => Gfni.V512.IsSupported && Avx512BW.IsSupported;

    /// <summary>The identity 8×8 bit matrix in GFNI's layout (row i is byte 7 − i).</summary>
    private const ulong Identity = 0x0102040810204080;

    /// <summary>
    /// The constants, to be copied into a local before a loop: an instance's fields live in registers there,
    /// where static fields would be re-read (and their class initialization re-checked) every iteration.
    /// </summary>
    public static readonly GfniGear Constants = new();

    private readonly Vector512<byte> _identityMatrix;
    private readonly Vector512<byte> _offsets;
    private readonly Vector512<byte> _step0, _step1, _step2, _step3;

    public GfniGear()
    {
        _identityMatrix = Vector512.Create(Identity).AsByte();
        _offsets = Vector512.Create(GearTable.ByteOffsets).AsByte();
        // In every 32-bit lane, four copies of byte t of that lane (vpshufb indexes within 128-bit lanes).
        var control = new byte[64];
        for (var i = 0; i < 64; i++) control[i] = (byte)(i % 16 / 4 * 4);
        _step0 = Vector512.Create(control);
        _step1 = _step0 + Vector512.Create((byte)1);
        _step2 = _step0 + Vector512.Create((byte)2);
        _step3 = _step0 + Vector512.Create((byte)3);
    }

    /// <summary>
    /// The gear values of four steps of 16 lanes: dword j of <paramref name="steps"/> holds bytes t = 0…3 of lane j;
    /// <paramref name="g0"/>…<paramref name="g3"/> lane j = G[byte t of lane j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Look(Vector512<byte> steps, out Vector512<uint> g0, out Vector512<uint> g1, out Vector512<uint> g2, out Vector512<uint> g3)
    {
        g0 = Invert(Avx512BW.Shuffle(steps, _step0));
        g1 = Invert(Avx512BW.Shuffle(steps, _step1));
        g2 = Invert(Avx512BW.Shuffle(steps, _step2));
        g3 = Invert(Avx512BW.Shuffle(steps, _step3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<uint> Invert(Vector512<byte> copies) =>
        Gfni.V512.GaloisFieldAffineTransformInverse(copies ^ _offsets, _identityMatrix, 0).AsUInt32();
}
