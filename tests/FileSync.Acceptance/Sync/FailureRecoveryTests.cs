using FileSync.Acceptance.Support;

namespace FileSync.Acceptance.Sync;

/// <summary>Failures are reported and retried later, never lost: a destination that is down, a source killed mid-sync.</summary>
public sealed class FailureRecoveryTests : IAsyncLifetime
{
    private readonly Topology _topology = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _topology.DisposeAsync().AsTask();

    [Fact]
    public async Task A_destination_that_is_down_gets_an_exception_in_the_result_and_the_file_once_it_is_back()
    {
        var a = _topology.Define("a");
        var b = _topology.Define("b");
        a.Configure(NodeConfig.Render([new FileSystemSpec("Src") { Destinations = [new DestinationSpec(b, "Dst")] }], TimeSpan.FromSeconds(2)));
        b.Configure(NodeConfig.Render([new FileSystemSpec("Dst")]));
        await a.StartAsync();
        var content = FileBytes.Random(100_000, seed: 70);
        await _topology.Client(a, "Src").UploadAsync("/down/file.bin", content);

        var results = await _topology.Client(a, "Src").Synchronization.StartAsync(forceSyncingAll: false);

        var result = Assert.Single(results);
        var failure = result.Exception ?? Assert.Single(result.Reports ?? []).Exception;
        Assert.NotNull(failure);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));

        await b.StartAsync();
        await Eventually.TrueAsync("the file on B after it came back (background retry)", async () =>
            await _topology.Client(b, "Dst").TryDownloadAsync("/down/file.bin") is { } got && FileBytes.Hash(got) == FileBytes.Hash(content),
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_source_killed_with_SIGKILL_mid_sync_resumes_its_persisted_queue_after_restart()
    {
        var a = _topology.Define("a");
        var b = _topology.Define("b");
        // One at a time: when the kill lands, some works are running and the rest wait in the persisted queue.
        a.Configure(NodeConfig.Render([new FileSystemSpec("Src") { MaxPerDestination = 1, Destinations = [new DestinationSpec(b, "Dst")] }]));
        b.Configure(NodeConfig.Render([new FileSystemSpec("Dst")]));
        await _topology.StartAllAsync();
        var src = _topology.Client(a, "Src");
        var files = Enumerable.Range(0, 12).Select(i => ($"/crash/f{i:D2}.bin", FileBytes.Random(4 << 20, seed: 80 + i))).ToList();
        foreach (var (name, content) in files) await src.UploadAsync(name, content);

        await Eventually.TrueAsync("a synchronization running on A", async () =>
            (await src.Synchronization.GetActiveAsync()).TotalCount > 0, TimeSpan.FromSeconds(20));
        await a.KillHardAsync();
        var arrivedBeforeKill = 0;
        foreach (var (name, _) in files) arrivedBeforeKill += await _topology.Client(b, "Dst").TryDownloadAsync(name) is null ? 0 : 1;
        Assert.True(arrivedBeforeKill < files.Count, "every file had arrived before the kill: the test proved nothing");

        // The interval is an hour: only the recovered queue (or the first pass after start) can send the rest.
        await a.RestartAsync();

        var dst = _topology.Client(b, "Dst");
        foreach (var (name, content) in files)
        {
            await Eventually.TrueAsync($"{name} on B after A's restart", async () =>
                await dst.TryDownloadAsync(name) is { } got && FileBytes.Hash(got) == FileBytes.Hash(content), TimeSpan.FromSeconds(40));
        }
    }

    [Fact]
    public async Task A_change_propagates_from_A_through_B_to_C()
    {
        var a = _topology.Define("a");
        var b = _topology.Define("b");
        var c = _topology.Define("c");
        a.Configure(NodeConfig.Render([new FileSystemSpec("Fs") { Destinations = [new DestinationSpec(b, "Fs")] }]));
        b.Configure(NodeConfig.Render([new FileSystemSpec("Fs") { Destinations = [new DestinationSpec(c, "Fs")] }]));
        c.Configure(NodeConfig.Render([new FileSystemSpec("Fs")]));
        await _topology.StartAllAsync();
        var content = FileBytes.Random(150_000, seed: 90);

        await _topology.Client(a, "Fs").UploadAsync("/chain/file.bin", content);

        await Eventually.TrueAsync("the file on C", async () =>
            await _topology.Client(c, "Fs").TryDownloadAsync("/chain/file.bin") is { } got && FileBytes.Hash(got) == FileBytes.Hash(content),
            TimeSpan.FromSeconds(30));
        var onC = await _topology.Client(c, "Fs").GetMetadataForAsync("/chain/file.bin");
        var onA = await _topology.Client(a, "Fs").GetMetadataForAsync("/chain/file.bin");
        Assert.Equal(onA?["Raven-Synchronization-Version"], onC?["Raven-Synchronization-Version"]);
        Assert.Equal(onA?["Raven-Synchronization-Source"], onC?["Raven-Synchronization-Source"]);
    }
}
