namespace FileSync.Storage.Chunking;

/// <summary>
/// The 256 random 32-bit values of the gear hash: the top halves of SplitMix64 outputs from a fixed seed,
/// so every node, platform and version computes the same table and therefore the same chunk boundaries.
/// </summary>
internal static class GearTable
{
    private const ulong Seed = 0x46696C6553796E63; // "FileSync"

    public static readonly uint[] Values = Generate();

    private static uint[] Generate()
    {
        var values = new uint[256];
        var state = Seed;
        for (var i = 0; i < values.Length; i++)
        {
            state += 0x9E3779B97F4A7C15;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            values[i] = (uint)((z ^ (z >> 31)) >> 32);
        }
        return values;
    }
}
