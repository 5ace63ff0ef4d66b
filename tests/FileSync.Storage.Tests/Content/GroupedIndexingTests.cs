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
