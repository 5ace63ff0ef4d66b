using FileSync.Storage.Chunking;
using FileSync.Storage.Content;
using FileSync.Storage.Database;
using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

/// <summary>
/// In pack mode, chunk-list rows of chunks an upload wrote carry their pack locations, so a read needs no index
/// lookup; rows naming chunks that were already stored carry none and are looked up as before.
/// </summary>
public sealed class ChunkListLocationsTests
{
    [Fact]
    public void A_row_takes_locations_only_when_every_entry_has_one()
    {
        var a = ChunkHash.Compute([1]);
        var b = ChunkHash.Compute([2]);
        var row = ChunkListRows.Pack(new[] { (a, 10), (b, 20) }, c => c, 100)[0];
        var known = new Dictionary<ChunkHash, (long, long)> { [a] = (7, 4096), [b] = (8, 12) };

        var located = ChunkListRows.WithPackLocations(row, h => known.TryGetValue(h, out var at) ? at : null);
        var locations = new List<(long PackId, long PackOffset)>();
        ChunkListRows.UnpackLocations(located, locations);
        Assert.Equal([(7L, 4096L), (8L, 12L)], locations);

        known.Remove(b);
        Assert.Null(ChunkListRows.WithPackLocations(row, h => known.TryGetValue(h, out var at) ? at : null).Locations);
    }

    [Fact]
    public async Task An_upload_records_where_its_chunks_are_and_every_location_agrees_with_the_chunk_index()
    {
        using var dir = new TempDirectory("chunk-list-locations");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await node.FileSystems.CreateFileSystemAsync("LocFS");
        var content = TestData.Random(6 * 1024 * 1024 + 123, 41);

        var stored = await node.FileSystems.PutFileAsync("LocFS", "/new.bin", new MemoryStream(content), new Dictionary<string, string>());

        var rows = await RowsAsync(node, stored.ContentId);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.NotNull(row.Locations));
        await using var connection = await node.Chunks.Database.OpenAsync(CancellationToken.None);
        foreach (var row in rows)
        {
            var entries = new List<ChunkRef>();
            var locations = new List<(long PackId, long PackOffset)>();
            ChunkListRows.Unpack(row, entries);
            ChunkListRows.UnpackLocations(row, locations);
            for (var i = 0; i < entries.Count; i += 97)
            {
                await using var command = connection.Command("SELECT pack_id, pack_offset FROM storage_chunks WHERE hash = @h", null, ("@h", entries[i].Hash.ToBytes()));
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(locations[i], (reader.GetInt64(0), reader.GetInt64(1)));
            }
        }
        Assert.Equal(content, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
    }

    [Fact]
    public async Task Rows_of_chunks_stored_before_are_looked_up_and_read_back_the_same()
    {
        using var dir = new TempDirectory("chunk-list-locations");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await node.FileSystems.CreateFileSystemAsync("LocFS");
        var first = TestData.Random(2 * 1024 * 1024, 42);
        await node.FileSystems.PutFileAsync("LocFS", "/first.bin", new MemoryStream(first), new Dictionary<string, string>());
        // The first file again, then new bytes: the repeated part's rows name chunks stored before.
        var second = first.Concat(TestData.Random(1024 * 1024, 43)).ToArray();

        var stored = await node.FileSystems.PutFileAsync("LocFS", "/second.bin", new MemoryStream(second), new Dictionary<string, string>());

        var rows = await RowsAsync(node, stored.ContentId);
        Assert.Contains(rows, row => row.Locations is null);
        Assert.Contains(rows, row => row.Locations is not null);
        Assert.Equal(second, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
        // A read from the middle (an HTTP Range) starts in a located row as well as in a looked-up one.
        foreach (var offset in new long[] { 1_000_003, second.Length - 300_007 })
        {
            await using var stream = node.FileSystems.OpenRead(stored);
            stream.Seek(offset, SeekOrigin.Begin);
            var tail = await TestData.ReadAllAsync(stream);
            Assert.Equal(second.AsSpan((int)offset).ToArray(), tail);
        }
    }

    [Fact]
    public async Task With_chunk_bytes_in_rows_no_row_carries_locations()
    {
        using var dir = new TempDirectory("chunk-list-locations");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path) with { ChunkBytesInDatabase = true });
        await node.FileSystems.CreateFileSystemAsync("LocFS");
        var content = TestData.Random(1024 * 1024 + 5, 45);

        var stored = await node.FileSystems.PutFileAsync("LocFS", "/rows.bin", new MemoryStream(content), new Dictionary<string, string>());

        var rows = await RowsAsync(node, stored.ContentId);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Null(row.Locations));
        Assert.Equal(content, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
    }

    [Fact]
    public async Task A_pack_named_only_by_a_lists_locations_survives_collection()
    {
        // As after two uploads stored the same new chunks at once: the index kept the other writer's copy, and
        // this list names its own copy in a pack no index row points at. A restart makes that pack collectable.
        using var dir = new TempDirectory("chunk-list-locations");
        var content = TestData.Random(3 * 1024 * 1024, 44);
        await using (var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path)))
        {
            await node.FileSystems.CreateFileSystemAsync("LocFS");
            await node.FileSystems.PutFileAsync("LocFS", "/raced.bin", new MemoryStream(content), new Dictionary<string, string>());
            await using var connection = await node.Chunks.Database.OpenAsync(CancellationToken.None);
            await connection.ExecAsync("UPDATE storage_chunks SET pack_id = 999999", null, CancellationToken.None);
        }

        await using var reopened = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await reopened.Chunks.CollectGarbageAsync(TimeSpan.Zero);

        var stored = await reopened.FileSystems.GetFileAsync("LocFS", "/raced.bin");
        Assert.NotNull(stored);
        Assert.Equal(content, await TestData.ReadAllAsync(reopened.FileSystems.OpenRead(stored)));
    }

    private static async Task<List<ChunkListRow>> RowsAsync(NodeStorage node, long contentId)
    {
        await using var connection = await node.Chunks.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(
            "SELECT start_offset, entries, locations FROM storage_chunk_lists WHERE content_id = @c ORDER BY start_offset", null, ("@c", contentId));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ChunkListRow>();
        while (await reader.ReadAsync())
            rows.Add(new ChunkListRow(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2)));
        return rows;
    }
}
