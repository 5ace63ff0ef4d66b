using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Sync;

/// <summary>Content reaches the destination intact, with the report's figures adding up (explicit <c>start/{file}</c>).</summary>
[Collection(PairCollection.Name)]
public sealed class TransferTests(PairFixture pair)
{
    private AsyncFilesCommands A => pair.OnA("Manual");
    private AsyncFilesCommands B => pair.OnB("Manual");

    [Fact]
    public async Task Uploaded_file_arrives_with_the_same_hash_and_transferred_plus_copied_equals_size()
    {
        var content = FileBytes.Random(300_000, seed: 1);
        await A.UploadAsync("/transfer/upload.bin", content);

        var report = await A.Synchronization.StartAsync("/transfer/upload.bin", pair.BAs("Manual"));

        Assert.Null(report.Exception);
        Assert.Equal(SynchronizationType.ContentUpdate, report.Type);
        Assert.Equal("/transfer/upload.bin", report.FileName);
        Assert.Equal(content.Length, report.BytesTransfered + report.BytesCopied);
        Assert.Equal(content.Length, report.BytesTransfered);
        Assert.True(report.NeedListLength >= 1, $"NeedListLength {report.NeedListLength}");
        Assert.Equal(FileBytes.Hash(content), FileBytes.Hash(await B.TryDownloadAsync("/transfer/upload.bin") ?? []));
    }

    [Fact]
    public async Task Second_sync_of_an_unchanged_file_moves_no_bytes_and_creates_no_new_version()
    {
        var content = FileBytes.Random(100_000, seed: 2);
        await A.UploadAsync("/transfer/twice.bin", content);
        var first = await A.Synchronization.StartAsync("/transfer/twice.bin", pair.BAs("Manual"));
        Assert.Null(first.Exception);
        var etagAfterFirst = await B.EtagOfAsync("/transfer/twice.bin");

        var second = await A.Synchronization.StartAsync("/transfer/twice.bin", pair.BAs("Manual"));

        Assert.Equal(0, second.BytesTransfered);
        Assert.Equal(0, second.BytesCopied);
        Assert.Equal(etagAfterFirst, await B.EtagOfAsync("/transfer/twice.bin"));
    }

    [Fact]
    public async Task Empty_file_arrives_empty()
    {
        await A.UploadAsync("/transfer/empty.txt", []);

        var report = await A.Synchronization.StartAsync("/transfer/empty.txt", pair.BAs("Manual"));

        Assert.Null(report.Exception);
        Assert.Equal(0, report.BytesTransfered + report.BytesCopied);
        var arrived = await B.TryDownloadAsync("/transfer/empty.txt");
        Assert.NotNull(arrived);
        Assert.Empty(arrived);
    }

    [Fact]
    public async Task One_percent_edit_of_a_large_file_sends_about_one_percent()
    {
        const int size = 16 << 20;
        var content = FileBytes.Random(size, seed: 3);
        await A.UploadAsync("/transfer/large.bin", content);
        Assert.Null((await A.Synchronization.StartAsync("/transfer/large.bin", pair.BAs("Manual"))).Exception);

        // 1% of the file as 16 scattered overwrites of 10,486 bytes (the W1 workload, scaled down).
        var edited = (byte[])content.Clone();
        var random = new Random(33);
        const int editLength = size / 100 / 16;
        for (var i = 0; i < 16; i++)
        {
            var offset = (int)((long)i * size / 16) + random.Next(0, size / 32);
            random.NextBytes(edited.AsSpan(offset, editLength));
        }
        await A.UploadAsync("/transfer/large.bin", edited);

        var report = await A.Synchronization.StartAsync("/transfer/large.bin", pair.BAs("Manual"));

        Assert.Null(report.Exception);
        Assert.Equal(SynchronizationType.ContentUpdate, report.Type);
        Assert.Equal(size, report.BytesTransfered + report.BytesCopied);
        // Each edit dirties the chunks it touches (8 KiB average): about 2x the changed bytes, never a resend.
        Assert.InRange(report.BytesTransfered, 16L * editLength, size * 4L / 100);
        Assert.Equal(FileBytes.Hash(edited), FileBytes.Hash(await B.TryDownloadAsync("/transfer/large.bin") ?? []));
    }
}
