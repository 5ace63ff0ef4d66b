using FileSync.Storage.Database;
using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

/// <summary>
/// Pack mode writes an upload's index rows in groups of ~32k chunks (one transaction per group). With 1 KiB
/// chunks a 48 MiB upload spans two groups, the second one flushed at the end of the stream.
/// </summary>
public sealed class GroupedIndexingTests
{
    private const int UploadBytes = 48 * 1024 * 1024;

    [Fact]
    public async Task An_upload_spanning_several_index_groups_reads_back_and_indexes_every_chunk()
    {
        using var dir = new TempDirectory("grouped-index");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await node.FileSystems.CreateFileSystemAsync("GroupFS");
        var content = TestData.Random(UploadBytes, 31);

        var stored = await node.FileSystems.PutFileAsync("GroupFS", "/big.bin", new MemoryStream(content), new Dictionary<string, string>());

        Assert.True(stored.ContentId > 0);
        var list = await node.Chunks.GetChunkListAsync(stored.ContentId);
        Assert.True(list.Count > 32 * 1024, $"only {list.Count} chunks: the upload did not span two index groups");
        var (chunks, bytes) = await node.Chunks.GetStatisticsAsync();
        Assert.Equal(list.Select(c => c.Hash).Distinct().Count(), chunks);
        Assert.Equal(UploadBytes, bytes);
        Assert.Equal(content, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
    }

    [Fact]
    public async Task A_stream_failing_after_the_first_group_leaves_nothing_that_collection_cannot_remove()
    {
        using var dir = new TempDirectory("grouped-index");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await node.FileSystems.CreateFileSystemAsync("GroupFS");
        var content = TestData.Random(UploadBytes, 32);

        var failure = await Assert.ThrowsAsync<IOException>(() =>
            node.FileSystems.PutFileAsync("GroupFS", "/broken.bin", new FailingStream(content, failAt: UploadBytes - 4 * 1024 * 1024), new Dictionary<string, string>()));

        Assert.Contains("connection dropped", failure.Message, StringComparison.Ordinal);
        Assert.Null(await node.FileSystems.GetFileAsync("GroupFS", "/broken.bin"));
        await node.Chunks.CollectGarbageAsync(TimeSpan.Zero);
        Assert.Equal((0L, 0L), await node.Chunks.GetStatisticsAsync());
    }

    [Fact]
    public async Task A_failed_index_transaction_stops_the_upload_with_its_error_and_no_more_pack_writes()
    {
        using var dir = new TempDirectory("grouped-index");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        await node.FileSystems.CreateFileSystemAsync("GroupFS");
        var content = TestData.Random(4 * UploadBytes, 33);
        // Every chunk-list insert fails from the start: the first group's transaction (~32 MiB in) is the first to try.
        await using (var connection = await node.Chunks.Database.OpenAsync(CancellationToken.None))
            await connection.ExecAsync("CREATE TRIGGER refuse_lists BEFORE INSERT ON storage_chunk_lists BEGIN SELECT RAISE(ABORT, 'injected index failure'); END",
                null, CancellationToken.None);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            node.FileSystems.PutFileAsync("GroupFS", "/refused.bin", new MemoryStream(content), new Dictionary<string, string>()));

        Assert.Contains("injected index failure", failure.Message, StringComparison.Ordinal);
        Assert.Null(await node.FileSystems.GetFileAsync("GroupFS", "/refused.bin"));
        // Staging stops within its bounded lag after the failing group (the group's ~8 batches of 4 MiB and up to 32
        // staged ahead, ~160 MiB): the last batches of the 192 MiB stream never reach a pack.
        var packBytes = TestData.PackBytes(dir.Path);
        Assert.True(packBytes < content.Length - 4 * 4 * 1024 * 1024, $"{packBytes / (1024 * 1024)} MiB of the {content.Length / (1024 * 1024)} MiB went to packs");
    }

    /// <summary>Serves <c>failAt</c> bytes of the content, then fails like a dropped connection.</summary>
    private sealed class FailingStream(byte[] content, int failAt) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAt) throw new IOException("The connection dropped.");
            return base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAt - Position)], cancellationToken);
        }
    }
}
