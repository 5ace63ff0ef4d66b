namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// BLAKE3 in its default hash mode with a 32-byte output, written from the public specification. Chunks
/// and parents are hashed eight or sixteen at a time in the lanes of 256- or 512-bit vectors when the CPU has
/// AVX2 or AVX-512, one at a time otherwise; the result is the same either way (checked against the official
/// test vectors). For many pieces at once use <see cref="ChunkHash.ComputeAll"/>, which fills the lanes better.
/// </summary>
public static class Blake3Hash
{
    public const int HashSize = Blake3Constants.OutputSize;

    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        var hash = new byte[HashSize];
        HashData(source, hash);
        return hash;
    }

    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination) =>
        HashData(source, destination, Blake3LaneWidths.Best);

    /// <summary>The same hash with at most <paramref name="width"/> lanes; tests compare the widths.</summary>
    internal static void HashData(ReadOnlySpan<byte> source, Span<byte> destination, Blake3LaneWidth width)
    {
        if (destination.Length < HashSize)
            throw new ArgumentException($"The destination must hold {HashSize} bytes; it has {destination.Length}.", nameof(destination));
        Blake3Batch.HashAll(source, [source.Length], destination, width);
    }
}
