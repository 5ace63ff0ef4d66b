using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Sync;

/// <summary>Independent edits on both nodes become a conflict (never a silent overwrite), resolved by hand or automatically.</summary>
[Collection(PairCollection.Name)]
public sealed class ConflictTests(PairFixture pair)
{
    private const string ConflictKey = "Raven-Synchronization-Conflict";

    /// <summary>The same name written independently on A (then B) with different bytes; returns (A's, B's) content.</summary>
    private async Task<(byte[] OnA, byte[] OnB)> EditBothSidesAsync(string fileSystem, string name, int seed)
    {
        var onB = FileBytes.Random(20_000, seed);
        var onA = FileBytes.Random(20_000, seed + 1000);
        await pair.OnB(fileSystem).UploadAsync(name, onB);
        await pair.OnA(fileSystem).UploadAsync(name, onA);
        return (onA, onB);
    }

    private Task<SynchronizationReport> PushAsync(string fileSystem, string name) =>
        pair.OnA(fileSystem).Synchronization.StartAsync(name, pair.BAs(fileSystem));

    private async Task<string> HashOnBAsync(string fileSystem, string name) =>
        FileBytes.Hash(await pair.OnB(fileSystem).TryDownloadAsync(name) ?? []);

    private async Task<bool> IsListedAsConflictOnBAsync(string fileSystem, string name)
    {
        var conflicts = await pair.OnB(fileSystem).Synchronization.GetConflictsAsync(0, 1000);
        return conflicts.Items.Any(c => c.FileName == name);
    }

    [Fact]
    public async Task Concurrent_edits_produce_a_conflict_and_the_destination_keeps_its_content()
    {
        var (_, onB) = await EditBothSidesAsync("Manual", "/conflict/plain.txt", seed: 20);

        var report = await PushAsync("Manual", "/conflict/plain.txt");

        Assert.NotNull(report.Exception);
        Assert.Contains("/conflict/plain.txt is conflicted", report.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(FileBytes.Hash(onB), await HashOnBAsync("Manual", "/conflict/plain.txt"));
        var conflicts = await pair.OnB("Manual").Synchronization.GetConflictsAsync(0, 1000);
        var item = Assert.Single(conflicts.Items, c => c.FileName == "/conflict/plain.txt");
        Assert.Equal(pair.A.Url, item.RemoteServerUrl?.TrimEnd('/'));
        Assert.NotEmpty(item.CurrentHistory);
        Assert.NotEmpty(item.RemoteHistory);
        var metadata = await pair.OnB("Manual").GetMetadataForAsync("/conflict/plain.txt");
        Assert.Equal("true", metadata?[ConflictKey], ignoreCase: true);

        var again = await PushAsync("Manual", "/conflict/plain.txt");
        Assert.Equal(0, again.BytesTransfered);
        Assert.Equal(FileBytes.Hash(onB), await HashOnBAsync("Manual", "/conflict/plain.txt"));
    }

    [Fact]
    public async Task Resolving_with_CurrentVersion_keeps_the_destination_file_and_clears_the_conflict()
    {
        var (_, onB) = await EditBothSidesAsync("Manual", "/conflict/keep-current.txt", seed: 21);
        Assert.NotNull((await PushAsync("Manual", "/conflict/keep-current.txt")).Exception);

        await pair.OnB("Manual").Synchronization.ResolveConflictAsync("/conflict/keep-current.txt", ConflictResolutionStrategy.CurrentVersion);

        Assert.False(await IsListedAsConflictOnBAsync("Manual", "/conflict/keep-current.txt"));
        var metadata = await pair.OnB("Manual").GetMetadataForAsync("/conflict/keep-current.txt");
        Assert.False(metadata?.TryGetValue(ConflictKey, out var flag) == true && flag.Equals("true", StringComparison.OrdinalIgnoreCase));
        var after = await PushAsync("Manual", "/conflict/keep-current.txt");
        Assert.Equal(0, after.BytesTransfered);
        Assert.Equal(FileBytes.Hash(onB), await HashOnBAsync("Manual", "/conflict/keep-current.txt"));
    }

    [Fact]
    public async Task Resolving_with_RemoteVersion_lets_the_next_push_overwrite_the_destination()
    {
        var (onA, _) = await EditBothSidesAsync("Manual", "/conflict/take-remote.txt", seed: 22);
        Assert.NotNull((await PushAsync("Manual", "/conflict/take-remote.txt")).Exception);

        await pair.OnB("Manual").Synchronization.ResolveConflictAsync("/conflict/take-remote.txt", ConflictResolutionStrategy.RemoteVersion);
        var report = await PushAsync("Manual", "/conflict/take-remote.txt");

        Assert.Null(report.Exception);
        Assert.Equal(SynchronizationType.ContentUpdate, report.Type);
        Assert.Equal(FileBytes.Hash(onA), await HashOnBAsync("Manual", "/conflict/take-remote.txt"));
        Assert.False(await IsListedAsConflictOnBAsync("Manual", "/conflict/take-remote.txt"));
    }

    [Fact]
    public async Task ResolveConflicts_resolves_every_conflict_of_the_file_system()
    {
        var first = await EditBothSidesAsync("Manual", "/conflict/all-1.txt", seed: 23);
        var second = await EditBothSidesAsync("Manual", "/conflict/all-2.txt", seed: 24);
        Assert.NotNull((await PushAsync("Manual", "/conflict/all-1.txt")).Exception);
        Assert.NotNull((await PushAsync("Manual", "/conflict/all-2.txt")).Exception);

        await pair.OnB("Manual").Synchronization.ResolveConflictsAsync(ConflictResolutionStrategy.RemoteVersion);
        Assert.Null((await PushAsync("Manual", "/conflict/all-1.txt")).Exception);
        Assert.Null((await PushAsync("Manual", "/conflict/all-2.txt")).Exception);

        Assert.Equal(FileBytes.Hash(first.OnA), await HashOnBAsync("Manual", "/conflict/all-1.txt"));
        Assert.Equal(FileBytes.Hash(second.OnA), await HashOnBAsync("Manual", "/conflict/all-2.txt"));
    }

    [Fact]
    public async Task Automatic_ResolveToLocal_keeps_the_destination_content_without_a_recorded_conflict()
    {
        var (_, onB) = await EditBothSidesAsync("AutoLocal", "/auto/local.txt", seed: 25);

        await PushAsync("AutoLocal", "/auto/local.txt");

        Assert.Equal(FileBytes.Hash(onB), await HashOnBAsync("AutoLocal", "/auto/local.txt"));
        Assert.False(await IsListedAsConflictOnBAsync("AutoLocal", "/auto/local.txt"));
    }

    [Fact]
    public async Task Automatic_ResolveToRemote_applies_the_incoming_version()
    {
        var (onA, _) = await EditBothSidesAsync("AutoRemote", "/auto/remote.txt", seed: 26);

        var report = await PushAsync("AutoRemote", "/auto/remote.txt");

        Assert.Null(report.Exception);
        Assert.Equal(FileBytes.Hash(onA), await HashOnBAsync("AutoRemote", "/auto/remote.txt"));
        Assert.False(await IsListedAsConflictOnBAsync("AutoRemote", "/auto/remote.txt"));
    }

    [Fact]
    public async Task Automatic_ResolveToLatest_applies_the_later_edit()
    {
        // B is written first, A a moment later: A's version is the latest and wins.
        var onB = FileBytes.Random(20_000, 27);
        await pair.OnB("AutoLatest").UploadAsync("/auto/latest.txt", onB);
        await Task.Delay(1100);
        var onA = FileBytes.Random(20_000, 1027);
        await pair.OnA("AutoLatest").UploadAsync("/auto/latest.txt", onA);

        var report = await PushAsync("AutoLatest", "/auto/latest.txt");

        Assert.Null(report.Exception);
        Assert.Equal(FileBytes.Hash(onA), await HashOnBAsync("AutoLatest", "/auto/latest.txt"));
    }
}
