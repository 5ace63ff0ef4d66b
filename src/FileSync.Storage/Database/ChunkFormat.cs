namespace FileSync.Storage.Database;

/// <summary>
/// How a database's chunks and contents were made: which hash names a chunk, which rolling hash cuts content, and
/// which hash names a whole content. Chunk ids and boundaries of different formats never match, so deduplication
/// and the synchronization recipes (which copy a base version's chunks by position) would silently stop working
/// across them, and content hashes of different kinds would fail every synchronization's verification. The format is stamped in
/// <c>storage_node</c> when the first node opens an empty database, and a database of another format is refused.
/// </summary>
internal static class ChunkFormat
{
    /// <summary>BLAKE3 chunk ids; cuts by the 32-bit gear hash of the 32-byte window; BLAKE3 content hashes.</summary>
    public const string Current = "blake3/gear32-window/content-blake3";

    private const string Key = "chunk-format";
    private const string SelectStamp = $"SELECT value FROM storage_node WHERE key = '{Key}'";

    /// <exception cref="InvalidOperationException">The database holds chunks of another (or an unrecorded, older) format.</exception>
    public static async Task EnsureAsync(StorageDatabase db, CancellationToken ct)
    {
        using var _ = await db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var stored = await connection.ScalarAsync(SelectStamp, null, ct).ConfigureAwait(false) as string;
        if (stored is null)
        {
            // Databases of versions before the stamp hold SHA-256 chunk ids; only an empty one can take the stamp.
            if (await connection.ScalarAsync("SELECT 1 FROM storage_chunks LIMIT 1", null, ct).ConfigureAwait(false) is not null)
                throw Refused("an older format (SHA-256 chunk ids, 64-bit gear cuts)");
            await connection.ExecAsync($"INSERT INTO storage_node(key, value) VALUES ('{Key}', @v) ON CONFLICT (key) DO NOTHING",
                null, ct, ("@v", Current)).ConfigureAwait(false);
            stored = (string)(await connection.ScalarAsync(SelectStamp, null, ct).ConfigureAwait(false))!;
        }
        if (stored != Current) throw Refused($"chunk format '{stored}'");
    }

    private static InvalidOperationException Refused(string what) => new(
        $"The database's chunks were made with {what}, but this version makes '{Current}' chunks and does not convert them. " +
        "Start the node with an empty data directory (or database), and copy the files over with a synchronization or an upload.");
}
