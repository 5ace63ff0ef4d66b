using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Sync;

/// <summary>Metadata changes, renames and deletes travel as their own work types and move no content.</summary>
[Collection(PairCollection.Name)]
public sealed class ChangeTypeTests(PairFixture pair)
{
    private AsyncFilesCommands A => pair.OnA("Manual");
    private AsyncFilesCommands B => pair.OnB("Manual");

    private async Task SyncedAsync(string name, byte[] content)
    {
        await A.UploadAsync(name, content, new Dictionary<string, string> { ["Color"] = "red" });
        var report = await A.Synchronization.StartAsync(name, pair.BAs("Manual"));
        Assert.Null(report.Exception);
    }

    [Fact]
    public async Task Metadata_change_syncs_as_MetadataUpdate_with_zero_bytes()
    {
        await SyncedAsync("/types/meta.bin", FileBytes.Random(50_000, seed: 10));
        await A.UpdateMetadataAsync("/types/meta.bin", new Dictionary<string, string> { ["Color"] = "blue" });

        var report = await A.Synchronization.StartAsync("/types/meta.bin", pair.BAs("Manual"));

        Assert.Null(report.Exception);
        Assert.Equal(SynchronizationType.MetadataUpdate, report.Type);
        Assert.Equal(0, report.BytesTransfered);
        var metadata = await B.GetMetadataForAsync("/types/meta.bin");
        Assert.NotNull(metadata);
        Assert.Equal("blue", metadata["Color"]);
    }

    [Fact]
    public async Task Rename_syncs_as_Rename_and_only_the_new_name_remains()
    {
        var content = FileBytes.Random(40_000, seed: 11);
        await SyncedAsync("/types/old-name.bin", content);
        await A.RenameAsync("/types/old-name.bin", "/types/new-name.bin");

        var report = await A.Synchronization.StartAsync("/types/old-name.bin", pair.BAs("Manual"));

        Assert.Null(report.Exception);
        Assert.Equal(SynchronizationType.Rename, report.Type);
        Assert.Equal(0, report.BytesTransfered);
        Assert.Null(await B.TryDownloadAsync("/types/old-name.bin"));
        Assert.Equal(FileBytes.Hash(content), FileBytes.Hash(await B.TryDownloadAsync("/types/new-name.bin") ?? []));
    }

    [Fact]
    public async Task Delete_syncs_as_Delete_and_the_file_is_gone_on_the_destination()
    {
        await SyncedAsync("/types/deleted.bin", FileBytes.Random(30_000, seed: 12));
        await A.DeleteAsync("/types/deleted.bin");

        var report = await A.Synchronization.StartAsync("/types/deleted.bin", pair.BAs("Manual"));

        Assert.Null(report.Exception);
        Assert.Equal(SynchronizationType.Delete, report.Type);
        Assert.Equal(0, report.BytesTransfered);
        Assert.Null(await B.TryDownloadAsync("/types/deleted.bin"));
    }

    [Fact]
    public async Task Deleting_a_file_the_destination_never_had_is_not_an_error()
    {
        await A.UploadAsync("/types/never-sent.bin", FileBytes.Random(1_000, seed: 13));
        await A.DeleteAsync("/types/never-sent.bin");

        var report = await A.Synchronization.StartAsync("/types/never-sent.bin", pair.BAs("Manual"));

        Assert.Null(report.Exception);
        Assert.Equal(SynchronizationType.Delete, report.Type);
        Assert.Null(await B.TryDownloadAsync("/types/never-sent.bin"));
    }
}
