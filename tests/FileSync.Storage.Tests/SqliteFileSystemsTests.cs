using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

public sealed class SqliteFileSystemsTests : FileSystemsBehaviour
{
    public SqliteFileSystemsTests() : base(new SqliteFactory()) { }

    private sealed class SqliteFactory : StorageFactory
    {
        public override Task<NodeStorage> OpenAsync(TempDirectory dataDir, StorageSettings? reuse = null, Func<StorageSettings, StorageSettings>? adjust = null)
        {
            var settings = reuse ?? SmallChunks(dataDir.Path);
            if (adjust is not null) settings = adjust(settings);
            return NodeStorage.OpenAsync(settings);
        }
    }
}

/// <summary>Databases of the schema before packed chunk lists (one row per chunk in storage_content_chunks).</summary>
public sealed class SqliteOlderSchemaTests
{
    private static async Task CreateOldListTableAsync(string dataDir, bool withRows)
    {
        Directory.CreateDirectory(dataDir);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDir, "filesync.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE storage_content_chunks(content_id INTEGER, seq INTEGER, chunk_hash BLOB, start_offset INTEGER, length INTEGER);" +
            (withRows ? "INSERT INTO storage_content_chunks VALUES (1, 0, x'00', 0, 1);" : "");
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_database_with_per_chunk_lists_is_refused_with_a_clear_error()
    {
        using var dir = new TempDirectory("storage-old-schema");
        await CreateOldListTableAsync(dir.Path, withRows: true);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path)));
        Assert.Contains("older FileSync version", error.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task An_empty_per_chunk_list_table_is_dropped_and_the_node_works()
    {
        using var dir = new TempDirectory("storage-old-schema");
        await CreateOldListTableAsync(dir.Path, withRows: false);

        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await node.FileSystems.CreateFileSystemAsync("OldFS");
        var content = TestData.Random(50_000, 9);
        var stored = await node.FileSystems.PutFileAsync("OldFS", "/a", new MemoryStream(content), new Dictionary<string, string>());
        Assert.Equal(content, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
    }
}

/// <summary>The chunk format stamp: a database of other chunk ids or cuts is refused, not silently mixed.</summary>
public sealed class SqliteChunkFormatTests
{
    private static async Task WriteAsync(string dataDir, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDir, "filesync.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<byte[]> StoreOneFileAsync(string dataDir)
    {
        var content = TestData.Random(40_000, 21);
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dataDir));
        await node.FileSystems.CreateFileSystemAsync("FormatFS");
        await node.FileSystems.PutFileAsync("FormatFS", "/a", new MemoryStream(content), new Dictionary<string, string>());
        return content;
    }

    [Fact]
    public async Task A_database_stamped_with_another_chunk_format_is_refused_and_left_as_it_was()
    {
        using var dir = new TempDirectory("storage-chunk-format");
        var content = await StoreOneFileAsync(dir.Path);
        // The stamp of the version before content hashes became BLAKE3.
        await WriteAsync(dir.Path, "UPDATE storage_node SET value = 'blake3/gear32-window' WHERE key = 'chunk-format'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path)));
        Assert.Contains("'blake3/gear32-window'", error.Message);
        Assert.Contains("does not convert", error.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // Put back, the same database opens with its file intact: the refusal changed nothing.
        await WriteAsync(dir.Path, $"UPDATE storage_node SET value = '{Database.ChunkFormat.Current}' WHERE key = 'chunk-format'");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        var stored = await node.FileSystems.GetFileAsync("FormatFS", "/a");
        Assert.NotNull(stored);
        Assert.Equal(content, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
    }

    [Fact]
    public async Task A_database_with_chunks_but_no_stamp_comes_from_an_older_version_and_is_refused()
    {
        using var dir = new TempDirectory("storage-chunk-format");
        await StoreOneFileAsync(dir.Path);
        await WriteAsync(dir.Path, "DELETE FROM storage_node WHERE key = 'chunk-format'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path)));
        Assert.Contains("older format", error.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

/// <summary>Pack files (the SQLite default) as seen on disk.</summary>
public sealed class SqlitePackFileTests
{
    [Fact]
    public async Task Content_repeated_across_upload_batches_is_written_to_packs_once()
    {
        using var dir = new TempDirectory("storage-packs");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await node.FileSystems.CreateFileSystemAsync("PackFS");
        // 5 MiB of random bytes three times: later 4 MiB batches repeat chunks of earlier ones, some not indexed yet.
        var block = TestData.Random(5 * 1024 * 1024, 12);
        var content = block.Concat(block).Concat(block).ToArray();

        var stored = await node.FileSystems.PutFileAsync("PackFS", "/thrice.bin", new MemoryStream(content), new Dictionary<string, string>());

        var packBytes = TestData.PackBytes(dir.Path);
        Assert.True(packBytes < block.Length + 256 * 1024, $"repeated chunks were written again: {packBytes} pack bytes for {block.Length} distinct");
        Assert.Equal(content, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
    }
}
