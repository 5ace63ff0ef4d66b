using FileSync.Kernel;
using FileSync.Storage;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Notifications;
using FileSync.TestSupport;

namespace FileSync.Sync.Tests.Notifications;

/// <summary><see cref="ConflictStore"/> announces Detected once per conflict and Resolved once, whichever way it is resolved.</summary>
public sealed class ConflictActivityTests : IAsyncLifetime
{
    private const string Fs = "NorthwindFS";
    private readonly TempDirectory _dir = new("conflict-activity");
    private readonly EventStream _events = new();
    private readonly List<ConflictActivity> _seen = [];
    private NodeStorage _node = null!;
    private ConflictStore _store = null!;

    public async Task InitializeAsync()
    {
        _node = await NodeStorage.OpenAsync(new StorageSettings(_dir.Path));
        await _node.FileSystems.CreateFileSystemAsync(Fs);
        _events.Subscribe<ConflictActivity>(_seen.Add);
        _store = new ConflictStore(_node.FileSystems, new SynchronizationPublisher(_events));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _dir.Dispose();
    }

    private static ConflictItem Conflict(string name, bool resolveUsingRemote = false) =>
        new(name, "http://source:8080", [], [], resolveUsingRemote);

    [Fact]
    public async Task Recording_announces_Detected_once_and_removing_announces_Resolved()
    {
        await _store.PutAsync(Fs, Conflict("/c.txt"));
        await _store.PutAsync(Fs, Conflict("/c.txt"));
        await _store.RemoveAsync(Fs, "/c.txt");
        await _store.RemoveAsync(Fs, "/c.txt");

        Assert.Equal([ConflictStatus.Detected, ConflictStatus.Resolved], _seen.Select(s => s.Status));
        Assert.All(_seen, s =>
        {
            Assert.Equal(Fs, s.FileSystem);
            Assert.Equal("/c.txt", s.FileName);
            Assert.Equal("http://source:8080", s.SourceServerUrl);
        });
    }

    [Fact]
    public async Task Resolving_with_the_remote_version_announces_Resolved_then_its_removal_announces_nothing()
    {
        await _store.PutAsync(Fs, Conflict("/r.txt"));
        await _store.PutAsync(Fs, Conflict("/r.txt", resolveUsingRemote: true));
        await _store.RemoveAsync(Fs, "/r.txt");

        Assert.Equal([ConflictStatus.Detected, ConflictStatus.Resolved], _seen.Select(s => s.Status));
    }

    [Fact]
    public async Task Without_a_publisher_the_store_works_and_announces_nothing()
    {
        var quiet = new ConflictStore(_node.FileSystems);
        await quiet.PutAsync(Fs, Conflict("/q.txt"));
        Assert.NotNull(await quiet.FindAsync(Fs, "/q.txt"));
        Assert.True(await quiet.RemoveAsync(Fs, "/q.txt"));
        Assert.Empty(_seen);
    }
}
