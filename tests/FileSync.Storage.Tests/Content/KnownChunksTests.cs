using FileSync.Storage.Chunking;
using FileSync.Storage.Content;
using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

public sealed class KnownChunksTests
{
    private static ChunkHash HashOf(int i) => ChunkHash.Compute(BitConverter.GetBytes(i));

    [Fact]
    public void Every_added_hash_may_be_contained_and_most_others_are_ruled_out()
    {
        var known = new KnownChunks(capacity: 100_000);
        for (var i = 0; i < 100_000; i++) known.Add(HashOf(i));

        for (var i = 0; i < 100_000; i++) Assert.True(known.MayContain(HashOf(i)), $"added hash {i} was reported absent");
        var falsePositives = Enumerable.Range(1_000_000, 20_000).Count(i => known.MayContain(HashOf(i)));
        Assert.True(falsePositives < 200, $"{falsePositives} of 20,000 absent hashes were reported as maybe stored (over 1 %)");
    }

    [Fact]
    public void Adding_more_than_the_capacity_marks_the_filter_overfull_and_a_replacement_keeps_its_hashes()
    {
        var known = new KnownChunks(capacity: 10);   // raised to the minimum capacity of a million
        Assert.False(known.Overfull);
        for (var i = 0; i <= 1 << 20; i++) known.Add(HashOf(i));
        Assert.True(known.Overfull);

        var rebuilt = new KnownChunks(2 * known.Count);
        rebuilt.Add(HashOf(42));
        known.ReplaceWith(rebuilt);

        Assert.False(known.Overfull);
        Assert.Equal(1, known.Count);
        Assert.True(known.MayContain(HashOf(42)));
        Assert.True(known.SizeInBytes >= 2 * known.Count * 2, "the rebuilt filter is smaller than its capacity asks for");
    }
}

/// <summary>The filter as the store uses it: built at open from the index, so a reopened node still deduplicates.</summary>
public sealed class KnownChunksInStoreTests
{
    [Fact]
    public async Task A_reopened_node_writes_no_pack_bytes_for_content_it_already_stores()
    {
        using var dir = new TempDirectory("known-chunks");
        var content = TestData.Random(3 * 1024 * 1024, 21);
        await using (var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path)))
        {
            await node.FileSystems.CreateFileSystemAsync("KnownFS");
            await node.FileSystems.PutFileAsync("KnownFS", "/first.bin", new MemoryStream(content), new Dictionary<string, string>());
        }
        var packBytesBefore = TestData.PackBytes(dir.Path);

        await using (var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path)))
        {
            var stored = await node.FileSystems.PutFileAsync("KnownFS", "/second.bin", new MemoryStream(content), new Dictionary<string, string>());
            var missing = await node.Chunks.GetMissingChunksAsync((await node.Chunks.GetChunkListAsync(stored.ContentId)).Select(c => c.Hash));

            Assert.Equal(packBytesBefore, TestData.PackBytes(dir.Path));
            Assert.Empty(missing);
            Assert.Equal(content, await TestData.ReadAllAsync(node.FileSystems.OpenRead(stored)));
        }
    }

    [Fact]
    public async Task Chunks_stored_from_elsewhere_are_known_to_later_lookups()
    {
        using var dir = new TempDirectory("known-chunks");
        await using var node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(dir.Path));
        var bytes = TestData.Random(5000, 22);
        var hash = ChunkHash.Compute(bytes);
        Assert.Equal([hash], await node.Chunks.GetMissingChunksAsync([hash]));

        await node.Chunks.StoreChunkAsync(hash, bytes);

        Assert.Empty(await node.Chunks.GetMissingChunksAsync([hash]));
    }
}
