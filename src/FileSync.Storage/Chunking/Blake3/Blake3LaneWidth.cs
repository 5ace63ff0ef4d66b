namespace FileSync.Storage.Chunking.Blake3;

/// <summary>How many BLAKE3 nodes one compression call handles side by side. Tests force the narrower widths.</summary>
internal enum Blake3LaneWidth
{
    Scalar = 1,
    Vector256 = 8,
    Vector512 = 16,
}

internal static class Blake3LaneWidths
{
    /// <summary>The widest the CPU runs: 16 lanes with AVX-512F, 8 with AVX2, else one.</summary>
    public static Blake3LaneWidth Best { get; } =
        Vector512Lanes.IsSupported ? Blake3LaneWidth.Vector512
        : Vector256Lanes.IsSupported ? Blake3LaneWidth.Vector256
        : Blake3LaneWidth.Scalar;

    /// <summary><paramref name="requested"/>, narrowed to what the CPU has.</summary>
    public static Blake3LaneWidth Supported(Blake3LaneWidth requested) => (Blake3LaneWidth)Math.Min((int)requested, (int)Best);
}
