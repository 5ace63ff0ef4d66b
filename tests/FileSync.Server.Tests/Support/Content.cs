using System.Security.Cryptography;

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

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static async Task<string> Sha256Async(Stream stream) => Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
}
