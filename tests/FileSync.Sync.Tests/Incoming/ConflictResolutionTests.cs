using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;

namespace FileSync.Sync.Tests.Incoming;

/// <summary>Manual (CurrentVersion / RemoteVersion) and automatic (FileConflictResolution) conflict resolution.</summary>
public class ConflictResolutionTests
{
    private const string Fs = SyncPair.Fs;

    /// <summary>Syncs one version, then edits the file on both sides.</summary>
    private static async Task<StoredFile> EditBothSidesAsync(SyncPair pair, string name = "/a.txt")
    {
        await pair.PutSourceAsync(name, SyncPair.Text("original"));
        await pair.SendAsync(name);
        await pair.PutDestinationAsync(name, SyncPair.Text("edited on the destination"));
        return await pair.PutSourceAsync(name, SyncPair.Text("edited on the source"));
    }

    private static Task SetPolicyAsync(SyncPair pair, string policy) =>
        pair.Destination.FileSystems.SetConfigAsync(Fs, IncomingSettings.ConfigDocumentName,
            $$"""{"FileConflictResolution":"{{policy}}","MaxNumberOfSynchronizationsPerDestination":5,"SynchronizationLockTimeoutMiliseconds":600000}""");

    [Fact]
    public async Task Current_version_keeps_the_local_file_clears_the_mark_and_the_remote_version_becomes_had_in_past()
    {
        await using var pair = await SyncPair.OpenAsync();
        var theirs = await EditBothSidesAsync(pair);
        Assert.Equal(IncomingDecision.Conflict, (await pair.SendAsync("/a.txt")).Result.Decision);

        await pair.Incoming.ResolveConflictAsync(Fs, "/a.txt", ConflictResolutionStrategy.CurrentVersion);

        Assert.Empty((await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).Items);
        var local = (await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"))!;
        Assert.False(local.Metadata.ContainsKey(MetadataKeys.SynchronizationConflict));
        Assert.Equal(SyncPair.Text("edited on the destination"), await pair.ReadDestinationAsync("/a.txt"));
        Assert.Equal(IncomingDecision.HadInPast, (await pair.SendAsync("/a.txt")).Result.Decision);
        // The local version can flow back: on the source it descends from the source's version.
        var onSource = LocalFileState.From(await pair.Source.Store.GetEntryAsync(Fs, "/a.txt"));
        var back = IncomingDecider.Decide(onSource, new IncomingVersion(SynchronizationVersion.FromMetadata(local.Metadata)!, null, "http://b"),
            false, null, ConflictResolutionPolicy.None);
        Assert.Equal(IncomingDecision.Proceed, back.Decision);
        Assert.NotNull(theirs);
    }

    [Fact]
    public async Task Remote_version_lets_the_next_push_from_that_source_in()
    {
        await using var pair = await SyncPair.OpenAsync();
        await EditBothSidesAsync(pair);
        await pair.SendAsync("/a.txt");

        await pair.Incoming.ResolveConflictAsync(Fs, "/a.txt", ConflictResolutionStrategy.RemoteVersion);
        Assert.True(Assert.Single((await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).Items).ResolveUsingRemote);

        Assert.Equal(IncomingDecision.Applied, (await pair.SendAsync("/a.txt")).Result.Decision);
        Assert.Equal(SyncPair.Text("edited on the source"), await pair.ReadDestinationAsync("/a.txt"));
        Assert.Empty((await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).Items);
        var local = (await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"))!;
        Assert.False(local.Metadata.ContainsKey(MetadataKeys.SynchronizationConflict));
    }

    [Fact]
    public async Task Resolve_conflicts_resolves_every_conflict_of_the_file_system()
    {
        await using var pair = await SyncPair.OpenAsync();
        await EditBothSidesAsync(pair, "/a.txt");
        await EditBothSidesAsync(pair, "/b.txt");
        await pair.SendAsync("/a.txt");
        await pair.SendAsync("/b.txt");
        Assert.Equal(2, (await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).TotalCount);

        await pair.Incoming.ResolveConflictsAsync(Fs, ConflictResolutionStrategy.CurrentVersion);

        Assert.Equal(0, (await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).TotalCount);
    }

    [Fact]
    public async Task Resolving_a_file_without_a_conflict_is_not_found()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutDestinationAsync("/plain.txt", SyncPair.Text("x"));
        await Assert.ThrowsAsync<ConflictNotFoundException>(() =>
            pair.Incoming.ResolveConflictAsync(Fs, "/plain.txt", ConflictResolutionStrategy.CurrentVersion));
        await Assert.ThrowsAsync<ConflictNotFoundException>(() =>
            pair.Incoming.ResolveConflictAsync(Fs, "/missing.txt", ConflictResolutionStrategy.RemoteVersion));
    }

    [Fact]
    public async Task Conflicts_page_with_a_total_count()
    {
        await using var pair = await SyncPair.OpenAsync();
        foreach (var name in new[] { "/a", "/b", "/c" })
        {
            await EditBothSidesAsync(pair, name);
            await pair.SendAsync(name);
        }
        var page = await pair.Incoming.ListConflictsAsync(Fs, 1, 1);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal("/b", Assert.Single(page.Items).FileName);
    }

    [Fact]
    public async Task Resolve_to_remote_applies_the_incoming_version_without_recording_a_conflict()
    {
        await using var pair = await SyncPair.OpenAsync();
        await SetPolicyAsync(pair, "ResolveToRemote");
        await EditBothSidesAsync(pair);

        Assert.Equal(IncomingDecision.Applied, (await pair.SendAsync("/a.txt")).Result.Decision);
        Assert.Equal(SyncPair.Text("edited on the source"), await pair.ReadDestinationAsync("/a.txt"));
        Assert.Empty((await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).Items);
    }

    [Fact]
    public async Task Resolve_to_local_keeps_the_local_version_and_records_the_remote_one_in_its_history()
    {
        await using var pair = await SyncPair.OpenAsync();
        await SetPolicyAsync(pair, "ResolveToLocal");
        var theirs = await EditBothSidesAsync(pair);

        var (result, _) = await pair.SendAsync("/a.txt");

        Assert.Equal(IncomingDecision.HadInPast, result.Decision);
        Assert.Equal(SyncPair.Text("edited on the destination"), await pair.ReadDestinationAsync("/a.txt"));
        Assert.Empty((await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).Items);
        var remote = SynchronizationVersion.FromMetadata(theirs.Metadata)!;
        var local = (await pair.Destination.Store.GetHistoryAsync(Fs, "/a.txt"))!;
        Assert.Contains(local.History, h => h.Version == remote.Version && h.ServerId == remote.ServerId);
    }

    [Theory]
    [InlineData(60, IncomingDecision.Applied, "edited on the source")]
    [InlineData(-60, IncomingDecision.HadInPast, "edited on the destination")]
    public async Task Resolve_to_latest_takes_the_later_last_modified(int minutesFromNow, IncomingDecision expected, string winner)
    {
        await using var pair = await SyncPair.OpenAsync();
        await SetPolicyAsync(pair, "ResolveToLatest");
        await EditBothSidesAsync(pair);
        var stamp = DateTimeOffset.UtcNow.AddMinutes(minutesFromNow).ToString("O");
        var (stream, _) = await pair.BuildDeltaAsync("/a.txt",
            h => h with { Metadata = new Dictionary<string, string>(h.Metadata) { ["Last-Modified"] = stamp } });

        var answer = await pair.Incoming.ApplyContentAsync(Fs, pair.SourceInfo, new MemoryStream(stream));

        Assert.Equal(expected, Assert.Single(answer.Files).Decision);
        Assert.Equal(SyncPair.Text(winner), await pair.ReadDestinationAsync("/a.txt"));
    }
}
