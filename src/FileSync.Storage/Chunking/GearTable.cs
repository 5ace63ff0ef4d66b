namespace FileSync.Storage.Chunking;

/// <summary>
/// The 256 32-bit values of the gear hash. Byte k of <c>G[b]</c> is the inverse of <c>b ⊕ d_k</c> in GF(2⁸)
/// (the AES field, x⁸ + x⁴ + x³ + x + 1; 0 maps to 0), with <c>d</c> = the bytes of "File". Four differently
/// shifted inverses are four unrelated, highly non-linear byte maps (the AES S-box is built on the same one), so the
/// values behave like random ones, and the AVX-512 search computes them with one GFNI instruction per 16 values
/// (<c>vgf2p8affineinvqb</c>) instead of table look-ups. Fixed by definition: every node, platform and version
/// computes the same table and therefore the same chunk boundaries.
/// </summary>
internal static class GearTable
{
    /// <summary>d₀…d₃, one per byte of a gear value (little-endian): 'F', 'i', 'l', 'e'.</summary>
    public const uint ByteOffsets = 0x656C6946;

    public static readonly uint[] Values = Generate();

    private static uint[] Generate()
    {
        var values = new uint[256];
        for (var b = 0; b < values.Length; b++)
        for (var k = 0; k < 4; k++)
            values[b] |= (uint)Inverse((byte)(b ^ (ByteOffsets >> (8 * k)))) << (8 * k);
        return values;
    }

    /// <summary>The multiplicative inverse in GF(2⁸) modulo x⁸ + x⁴ + x³ + x + 1, and 0 for 0 (as GFNI defines it).</summary>
    private static byte Inverse(byte x)
    {
        if (x == 0) return 0;
        for (var y = 1; y < 256; y++)
            if (Multiply(x, (byte)y) == 1) return (byte)y;
        throw new InvalidOperationException("Every non-zero element of GF(2^8) has an inverse.");
    }

    private static byte Multiply(byte a, byte b)
    {
        var product = 0;
        int x = a;
        for (var bit = 0; bit < 8; bit++)
        {
            if ((b >> bit & 1) != 0) product ^= x;
            x <<= 1;
            if ((x & 0x100) != 0) x ^= 0x11B;
        }
        return (byte)product;
    }
}
