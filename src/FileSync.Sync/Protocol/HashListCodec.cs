using FileSync.Storage.Chunking;

namespace FileSync.Sync.Protocol;

/// <summary>
/// The need-list exchange's body, both ways: chunk hashes back to back, 32 bytes each, nothing else
/// (the source asks "which of these do you lack?", the destination answers with the ones it lacks).
/// </summary>
public static class HashListCodec
{
    public const string ContentType = "application/vnd.filesync.hashes";

    /// <summary>At most this many hashes per request (2 MiB of body), so one exchange stays small.</summary>
    public const int MaxHashesPerRequest = 65_536;

    public static byte[] Encode(IReadOnlyCollection<ChunkHash> hashes)
    {
        var bytes = new byte[hashes.Count * ChunkHash.Size];
        var offset = 0;
        foreach (var hash in hashes)
        {
            hash.WriteTo(bytes.AsSpan(offset));
            offset += ChunkHash.Size;
        }
        return bytes;
    }

    /// <summary>Reads a whole hash-list body; a length that is not a multiple of 32 or too many hashes is an error sentence.</summary>
    public static async Task<IReadOnlyList<ChunkHash>> DecodeAsync(Stream body, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var limit = (MaxHashesPerRequest + 1L) * ChunkHash.Size;
        var block = new byte[64 * 1024];
        int read;
        while (buffer.Length <= limit && (read = await body.ReadAsync(block, ct).ConfigureAwait(false)) > 0)
            buffer.Write(block, 0, read);
        if (buffer.Length % ChunkHash.Size != 0)
            throw new InvalidDataException($"A hash list is a multiple of {ChunkHash.Size} bytes; got {buffer.Length}.");
        var count = (int)(buffer.Length / ChunkHash.Size);
        if (count > MaxHashesPerRequest)
            throw new InvalidDataException($"A hash list holds at most {MaxHashesPerRequest} hashes; got {count}.");
        var bytes = buffer.GetBuffer();
        var hashes = new ChunkHash[count];
        for (var i = 0; i < count; i++) hashes[i] = ChunkHash.FromBytes(bytes.AsSpan(i * ChunkHash.Size, ChunkHash.Size));
        return hashes;
    }
}
