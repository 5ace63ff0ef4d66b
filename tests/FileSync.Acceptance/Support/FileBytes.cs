using System.Security.Cryptography;
using FileSync.Client;

namespace FileSync.Acceptance.Support;

/// <summary>Deterministic file contents and the upload/download/compare steps every test repeats.</summary>
public static class FileBytes
{
    public static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    public static async Task<string> UploadAsync(this AsyncFilesCommands files, string name, byte[] content,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await files.UploadAsync(name, stream, metadata);
    }

    /// <summary>The file's bytes, or null when the node does not have it.</summary>
    public static async Task<byte[]?> TryDownloadAsync(this AsyncFilesCommands files, string name)
    {
        try
        {
            await using var download = await files.DownloadAsync(name);
            using var copy = new MemoryStream();
            await download.Content.CopyToAsync(copy);
            return copy.ToArray();
        }
        catch (FileSyncNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The file's ETag on that node, or null when it does not have it.</summary>
    public static async Task<string?> EtagOfAsync(this AsyncFilesCommands files, string name)
    {
        var metadata = await files.GetMetadataForAsync(name);
        return metadata is not null && metadata.TryGetValue("ETag", out var etag) ? etag : null;
    }
}
