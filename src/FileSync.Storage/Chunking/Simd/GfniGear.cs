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
internal static class GfniGear
{
    public static bool IsSupported => Gfni.V512.IsSupported && Avx512BW.IsSupported;

    /// <summary>The identity 8×8 bit matrix in GFNI's layout (row i is byte 7 − i).</summary>
    private const ulong Identity = 0x0102040810204080;

    private static readonly Vector512<byte> IdentityMatrix = Vector512.Create(Identity).AsByte();
    private static readonly Vector512<byte> Offsets = Vector512.Create(GearTable.ByteOffsets).AsByte();

    /// <summary>Shuffle controls: in every 32-bit lane, four copies of byte <c>t</c> of that lane.</summary>
    private static readonly Vector512<byte> Step0 = LaneBase();
    private static readonly Vector512<byte> Step1 = Step0 + Vector512.Create((byte)1);
    private static readonly Vector512<byte> Step2 = Step0 + Vector512.Create((byte)2);
    private static readonly Vector512<byte> Step3 = Step0 + Vector512.Create((byte)3);

    /// <summary>
    /// The gear values of four steps of 16 lanes: dword j of <paramref name="steps"/> holds bytes t = 0…3 of lane j;
    /// <paramref name="g0"/>…<paramref name="g3"/> lane j = G[byte t of lane j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Look(Vector512<byte> steps, out Vector512<uint> g0, out Vector512<uint> g1, out Vector512<uint> g2, out Vector512<uint> g3)
    {
        g0 = Invert(Avx512BW.Shuffle(steps, Step0));
        g1 = Invert(Avx512BW.Shuffle(steps, Step1));
        g2 = Invert(Avx512BW.Shuffle(steps, Step2));
        g3 = Invert(Avx512BW.Shuffle(steps, Step3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Invert(Vector512<byte> copies) =>
        Gfni.V512.GaloisFieldAffineTransformInverse(copies ^ Offsets, IdentityMatrix, 0).AsUInt32();

    /// <summary>Byte 4·j + k → 4·j: the first byte of its own dword (vpshufb indexes within 128-bit lanes).</summary>
    private static Vector512<byte> LaneBase()
    {
        var control = new byte[64];
        for (var i = 0; i < 64; i++) control[i] = (byte)(i % 16 / 4 * 4);
        return Vector512.Create(control);
    }
}
