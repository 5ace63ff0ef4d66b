using FileSync.Acceptance.Support;

namespace FileSync.Acceptance.Storage;

/// <summary>Storage synchronizers between two real node processes (API.md §6, seed 002).</summary>
public sealed class StorageSynchronizerTests : IAsyncLifetime
{
    private LinkedPair _pair = null!;

    public Task InitializeAsync()
    {
        _pair = new LinkedPair();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _pair.DisposeAsync();

    [Fact]
    public async Task Files_only_on_A_reach_B_and_files_only_on_B_reach_A_byte_identical()
    {
        await _pair.StartBothAsync();
        var onlyA = new[] { ("/a/small.txt", FileBytes.Random(1_000, 1)), ("/a/big.bin", FileBytes.Random(300_000, 2)) };
        var onlyB = new[] { ("/b/small.txt", FileBytes.Random(2_000, 3)), ("/b/big.bin", FileBytes.Random(200_000, 4)) };
        foreach (var (name, bytes) in onlyA) await _pair.OnA.UploadAsync(name, bytes);
        foreach (var (name, bytes) in onlyB) await _pair.OnB.UploadAsync(name, bytes);

        var created = await _pair.CreateAsync();
        Assert.Equal("triggered", created.GetProperty("state").GetString());
        var done = await _pair.UntilFinishedAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal("completed", done.GetProperty("push").GetProperty("state").GetString());
        Assert.Equal("completed", done.GetProperty("pull").GetProperty("state").GetString());
        foreach (var (name, bytes) in onlyA) Assert.Equal(FileBytes.Hash(bytes), FileBytes.Hash(await _pair.OnB.TryDownloadAsync(name) ?? []));
        foreach (var (name, bytes) in onlyB) Assert.Equal(FileBytes.Hash(bytes), FileBytes.Hash(await _pair.OnA.TryDownloadAsync(name) ?? []));
    }

    [Fact]
    public async Task Conflicting_edits_on_both_sides_end_in_a_reported_conflict_and_B_keeps_its_content()
    {
        await _pair.StartBothAsync();
        var onB = FileBytes.Random(20_000, 10);
        await _pair.OnB.UploadAsync("/both.txt", onB);
        await _pair.OnA.UploadAsync("/both.txt", FileBytes.Random(20_000, 11));

        var created = await _pair.CreateAsync();
        var done = await _pair.UntilFinishedAsync(created.GetProperty("id").GetString()!);

        // A conflict is a normal outcome: the phase completes and names the file; B keeps both versions' history.
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal("/both.txt", Assert.Single(done.GetProperty("push").GetProperty("conflicts").EnumerateArray()).GetString());
        Assert.Equal(FileBytes.Hash(onB), FileBytes.Hash(await _pair.OnB.TryDownloadAsync("/both.txt") ?? []));
        var conflicts = await _pair.OnB.Synchronization.GetConflictsAsync(0, 100);
        Assert.Contains(conflicts.Items, c => c.FileName == "/both.txt");
    }

    [Fact]
    public async Task A_remote_that_is_down_makes_the_synchronizer_an_error_with_a_reason()
    {
        await _pair.StartAOnlyAsync();
        await _pair.OnA.UploadAsync("/lonely.txt", FileBytes.Random(500, 20));

        var created = await _pair.CreateAsync();
        var done = await _pair.UntilFinishedAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("error", done.GetProperty("state").GetString());
        Assert.Equal("error", done.GetProperty("push").GetProperty("state").GetString());
        Assert.Contains(_pair.B.Url, done.GetProperty("push").GetProperty("error_message").GetString());
        Assert.Equal("error", done.GetProperty("pull").GetProperty("state").GetString());
        Assert.Contains(_pair.B.Url, done.GetProperty("pull").GetProperty("error_message").GetString());
    }

    [Fact]
    public async Task A_restarted_node_answers_the_same_for_every_synchronizer()
    {
        await _pair.StartBothAsync();
        await _pair.OnA.UploadAsync("/r.txt", FileBytes.Random(500, 30));
        var created = await _pair.CreateAsync();
        var id = created.GetProperty("id").GetString()!;
        await _pair.UntilFinishedAsync(id);
        var (statusBefore, before) = await _pair.GetAsync(id);

        await _pair.A.KillHardAsync();
        await _pair.A.RestartAsync();
        var (statusAfter, after) = await _pair.GetAsync(id);

        Assert.Equal(200, statusBefore);
        Assert.Equal(statusBefore, statusAfter);
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task SIGKILL_of_A_during_a_synchronizer_ends_completed_or_error_after_restart_never_stuck_triggered()
    {
        await _pair.StartBothAsync();
        // Big enough to be mid-run when the kill lands: 24 files of 2 MiB (the pull then has nothing to do).
        var files = Enumerable.Range(0, 24).Select(i => ($"/crash/f{i:D2}.bin", FileBytes.Random(2 << 20, 40 + i))).ToList();
        foreach (var (name, bytes) in files) await _pair.OnA.UploadAsync(name, bytes);
        var created = await _pair.CreateAsync();
        var id = created.GetProperty("id").GetString()!;

        await Eventually.TrueAsync("the first file on B", async () => await _pair.OnB.TryDownloadAsync(files[0].Item1) is not null, TimeSpan.FromSeconds(30));
        await _pair.A.KillHardAsync();
        var arrivedBeforeKill = 0;
        foreach (var (name, _) in files) arrivedBeforeKill += await _pair.OnB.TryDownloadAsync(name) is null ? 0 : 1;
        Assert.True(arrivedBeforeKill < files.Count, "every file had arrived before the kill: the test proved nothing");
        await _pair.A.RestartAsync();
        var done = await _pair.UntilFinishedAsync(id, TimeSpan.FromSeconds(90));

        var state = done.GetProperty("state").GetString();
        Assert.True(state is "completed" or "error", $"state {state}");
        if (state == "completed")
        {
            foreach (var (name, bytes) in files) Assert.Equal(FileBytes.Hash(bytes), FileBytes.Hash(await _pair.OnB.TryDownloadAsync(name) ?? []));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(done.GetProperty("push").GetProperty("error_message").GetString()));
        }
    }
}
