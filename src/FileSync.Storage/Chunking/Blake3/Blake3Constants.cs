namespace FileSync.Storage.Chunking.Blake3;

/// <summary>Constants of the BLAKE3 specification (hash mode only: no key, no key derivation).</summary>
internal static class Blake3Constants
{
    public const int BlockSize = 64;
    public const int ChunkSize = 1024;
    public const int BlocksPerChunk = ChunkSize / BlockSize;
    public const int OutputSize = 32;

    public const uint ChunkStart = 1;
    public const uint ChunkEnd = 2;
    public const uint Parent = 4;
    public const uint Root = 8;

    /// <summary>The initial chaining value of every chunk and parent in hash mode (SHA-256's IV).</summary>
    public static ReadOnlySpan<uint> IV =>
    [
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
    ];
}
