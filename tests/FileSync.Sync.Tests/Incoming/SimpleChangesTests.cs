using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Tests.Incoming;

/// <summary>Metadata updates, deletes and renames: no content moves.</summary>
public class SimpleChangesTests
{
    private const string Fs = SyncPair.Fs;

    [Fact]
    public async Task A_metadata_update_changes_metadata_and_keeps_the_content()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.txt", SyncPair.Text("hello"));
        await pair.SendAsync("/a.txt");
        var before = (await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"))!;
        var updated = await pair.Source.FileSystems.UpdateMetadataAsync(Fs, "/a.txt", new Dictionary<string, string> { ["Owner"] = "ayende" });

        var result = await pair.Incoming.ApplyMetadataAsync(Fs, pair.SourceInfo,
            new IncomingMetadataRequest("/a.txt", updated.Metadata, Etags.Format(updated.Etag)));

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        var after = (await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"))!;
        Assert.Equal("ayende", after.Metadata["Owner"]);
        Assert.Equal(updated.Metadata[MetadataKeys.SynchronizationVersion], after.Metadata[MetadataKeys.SynchronizationVersion]);
        Assert.Equal(before.ContentId, after.ContentId);
        Assert.Equal(SyncPair.Text("hello"), await pair.ReadDestinationAsync("/a.txt"));
        Assert.Equal(SynchronizationType.MetadataUpdate, pair.Incoming.GetStatus(Fs, "/a.txt")!.Type);
    }

    [Fact]
    public async Task A_metadata_update_for_a_file_the_destination_lacks_asks_for_the_content()
    {
        await using var pair = await SyncPair.OpenAsync();
        var file = await pair.PutSourceAsync("/a.txt", SyncPair.Text("hello"));
        var result = await pair.Incoming.ApplyMetadataAsync(Fs, pair.SourceInfo, new IncomingMetadataRequest("/a.txt", file.Metadata));
        Assert.Equal(IncomingDecision.Locked, result.Decision);
        Assert.Contains("send the content", result.Message, StringComparison.Ordinal);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"));
    }

    [Fact]
    public async Task A_delete_removes_the_file_and_keeps_the_delete_version()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.txt", SyncPair.Text("hello"));
        await pair.SendAsync("/a.txt");
        await pair.Source.FileSystems.DeleteFileAsync(Fs, "/a.txt");
        var tombstone = (await pair.Source.Store.GetEntryAsync(Fs, "/a.txt"))!;

        var result = await pair.Incoming.ApplyDeleteAsync(Fs, pair.SourceInfo, new IncomingDeleteRequest("/a.txt", tombstone.Metadata));

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"));
        var local = (await pair.Destination.Store.GetEntryAsync(Fs, "/a.txt"))!;
        Assert.True(local.Deleted);
        Assert.Equal(tombstone.Version!.Version, local.Version!.Version);
    }

    [Fact]
    public async Task Deleting_a_file_the_destination_lacks_is_not_an_error()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/never-sent.txt", SyncPair.Text("x"));
        await pair.Source.FileSystems.DeleteFileAsync(Fs, "/never-sent.txt");
        var tombstone = (await pair.Source.Store.GetEntryAsync(Fs, "/never-sent.txt"))!;

        var result = await pair.Incoming.ApplyDeleteAsync(Fs, pair.SourceInfo, new IncomingDeleteRequest("/never-sent.txt", tombstone.Metadata));

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/never-sent.txt"));
        // Sent again, the same delete is already had.
        var again = await pair.Incoming.ApplyDeleteAsync(Fs, pair.SourceInfo, new IncomingDeleteRequest("/never-sent.txt", tombstone.Metadata));
        Assert.Equal(IncomingDecision.AlreadyHas, again.Decision);
    }

    [Fact]
    public async Task A_delete_of_a_version_edited_here_meanwhile_is_a_conflict_and_keeps_the_file()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.txt", SyncPair.Text("hello"));
        await pair.SendAsync("/a.txt");
        await pair.PutDestinationAsync("/a.txt", SyncPair.Text("edited here"));
        await pair.Source.FileSystems.DeleteFileAsync(Fs, "/a.txt");
        var tombstone = (await pair.Source.Store.GetEntryAsync(Fs, "/a.txt"))!;

        var result = await pair.Incoming.ApplyDeleteAsync(Fs, pair.SourceInfo, new IncomingDeleteRequest("/a.txt", tombstone.Metadata));

        Assert.Equal(IncomingDecision.Conflict, result.Decision);
        Assert.Equal(SyncPair.Text("edited here"), await pair.ReadDestinationAsync("/a.txt"));
    }

    [Fact]
    public async Task A_rename_moves_the_file_and_only_the_new_name_remains()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/old.txt", SyncPair.Text("hello"));
        await pair.SendAsync("/old.txt");
        var renamed = await pair.Source.FileSystems.RenameFileAsync(Fs, "/old.txt", "/new.txt");

        var result = await pair.Incoming.ApplyRenameAsync(Fs, pair.SourceInfo, new IncomingRenameRequest("/old.txt", "/new.txt", renamed.Metadata));

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/old.txt"));
        Assert.Equal(SyncPair.Text("hello"), await pair.ReadDestinationAsync("/new.txt"));
        // The content update of the new name that follows a rename is then already had.
        Assert.Equal(IncomingDecision.AlreadyHas, (await pair.SendAsync("/new.txt")).Result.Decision);
    }

    [Fact]
    public async Task A_rename_of_a_file_the_destination_lacks_moves_nothing_and_is_not_an_error()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/old.txt", SyncPair.Text("hello"));
        var renamed = await pair.Source.FileSystems.RenameFileAsync(Fs, "/old.txt", "/new.txt");

        var result = await pair.Incoming.ApplyRenameAsync(Fs, pair.SourceInfo, new IncomingRenameRequest("/old.txt", "/new.txt", renamed.Metadata));

        Assert.Equal(IncomingDecision.AlreadyHas, result.Decision);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/new.txt"));
        Assert.Equal(IncomingDecision.Applied, (await pair.SendAsync("/new.txt")).Result.Decision);
    }
}
