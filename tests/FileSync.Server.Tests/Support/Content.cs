using FileSync.Storage.Chunking.Blake3;

namespace FileSync.Server.Tests.Support;

/// <summary>Deterministic test content: bytes derived from a seed, so any slice can be regenerated and compared.</summary>
public static class Content
{
    public static byte[] Bytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>What the node's content-hash header (<c>Content-BLAKE3</c>) must say for these bytes.</summary>
    public static string ContentHash(byte[] data) => Convert.ToHexStringLower(Blake3Hash.HashData(data));
}
