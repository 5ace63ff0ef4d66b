namespace FileSync.Storage.Tests;

internal static class TestData
{
    /// <summary>Deterministic pseudo-random bytes (same seed, same bytes).</summary>
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Bytes in a node's pack files (<c>&lt;data-dir&gt;/packs</c>).</summary>
    public static long PackBytes(string dataDir) => Directory.GetFiles(Path.Combine(dataDir, "packs")).Sum(f => new FileInfo(f).Length);

    public static Dictionary<string, string> Meta(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
