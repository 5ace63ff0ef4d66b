using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;

namespace FileSync.Sync.Tests.Incoming;

public class FileLockRegistryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_second_acquire_of_a_held_lock_fails_until_the_first_is_released()
    {
        var locks = new FileLockRegistry();
        var first = locks.TryAcquire("fs", "/a.txt", "http://one", Timeout);
        Assert.NotNull(first);
        Assert.Null(locks.TryAcquire("fs", "a.txt", "http://two", Timeout));
        first.Dispose();
        using var second = locks.TryAcquire("fs", "/a.txt", "http://two", Timeout);
        Assert.NotNull(second);
        Assert.Equal("http://two", locks.Find("fs", "/a.txt")!.SourceServerUrl);
    }

    [Fact]
    public void Locks_of_other_files_and_file_systems_are_independent()
    {
        var locks = new FileLockRegistry();
        using var held = locks.TryAcquire("fs", "/a.txt", "http://one", Timeout);
        Assert.False(locks.IsLocked("fs", "/b.txt"));
        Assert.False(locks.IsLocked("other", "/a.txt"));
        Assert.True(locks.IsLocked("FS", "/a.txt"));
    }

    [Fact]
    public void A_lock_expires_after_its_timeout_and_can_be_taken_over()
    {
        var clock = new ManualClock();
        var locks = new FileLockRegistry(clock);
        var stale = locks.TryAcquire("fs", "/a.txt", "http://one", TimeSpan.FromSeconds(30));
        Assert.NotNull(stale);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(locks.IsLocked("fs", "/a.txt"));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(locks.IsLocked("fs", "/a.txt"));
        using var fresh = locks.TryAcquire("fs", "/a.txt", "http://two", Timeout);
        Assert.NotNull(fresh);
        // Releasing the expired lease must not release the lock that replaced it.
        stale.Dispose();
        Assert.True(locks.IsLocked("fs", "/a.txt"));
    }

    [Fact]
    public void Local_writes_to_a_locked_file_get_a_sentence_naming_file_and_source()
    {
        var locks = new FileLockRegistry();
        using var held = locks.TryAcquire("fs", "/docs/a.txt", "http://localhost:8080", Timeout);
        var error = Assert.Throws<FileLockedException>(() => locks.ThrowIfLocked("fs", "docs/a.txt"));
        Assert.Contains("/docs/a.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080", error.Message, StringComparison.Ordinal);
        locks.ThrowIfLocked("fs", "/docs/b.txt");
    }

    [Fact]
    public void List_shows_the_files_being_received_in_one_file_system()
    {
        var clock = new ManualClock();
        var locks = new FileLockRegistry(clock);
        using var a = locks.TryAcquire("fs", "/a", "http://one", Timeout, SynchronizationType.Delete, "00000000-0000-0001-0000-000000000007");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var b = locks.TryAcquire("fs", "/b", "http://one", Timeout);
        using var other = locks.TryAcquire("other", "/c", "http://one", Timeout);
        var listed = locks.List("fs");
        Assert.Equal(["/a", "/b"], listed.Select(l => l.Name));
        Assert.Equal(SynchronizationType.Delete, listed[0].Type);
        Assert.Equal("00000000-0000-0001-0000-000000000007", listed[0].SourceFileEtag);
    }

    [Fact]
    public async Task Only_one_of_many_concurrent_acquirers_wins()
    {
        var locks = new FileLockRegistry();
        var leases = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => locks.TryAcquire("fs", "/hot", $"http://s{i}", Timeout))));
        Assert.Single(leases, l => l is not null);
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

public class LockCheckingFileSystemsTests
{
    [Fact]
    public async Task Local_writes_to_a_file_being_received_are_refused_and_change_nothing()
    {
        await using var pair = await SyncPair.OpenAsync();
        var local = new LockCheckingFileSystems(pair.Destination.FileSystems, pair.Incoming.Locks);
        await local.PutFileAsync(SyncPair.Fs, "/a.txt", new MemoryStream(SyncPair.Text("before")), new Dictionary<string, string>());
        using var held = pair.Incoming.Locks.TryAcquire(SyncPair.Fs, "/a.txt", "http://localhost:8080", TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<FileLockedException>(() =>
            local.PutFileAsync(SyncPair.Fs, "/a.txt", new MemoryStream(SyncPair.Text("after")), new Dictionary<string, string>()));
        await Assert.ThrowsAsync<FileLockedException>(() => local.UpdateMetadataAsync(SyncPair.Fs, "/a.txt", new Dictionary<string, string>()));
        await Assert.ThrowsAsync<FileLockedException>(() => local.DeleteFileAsync(SyncPair.Fs, "/a.txt"));
        await Assert.ThrowsAsync<FileLockedException>(() => local.RenameFileAsync(SyncPair.Fs, "/a.txt", "/b.txt"));
        await Assert.ThrowsAsync<FileLockedException>(() => local.RenameFileAsync(SyncPair.Fs, "/c.txt", "/a.txt"));

        Assert.Equal(SyncPair.Text("before"), await pair.ReadDestinationAsync("/a.txt"));
        held!.Dispose();
        await local.PutFileAsync(SyncPair.Fs, "/a.txt", new MemoryStream(SyncPair.Text("after")), new Dictionary<string, string>());
        Assert.Equal(SyncPair.Text("after"), await pair.ReadDestinationAsync("/a.txt"));
    }
}
