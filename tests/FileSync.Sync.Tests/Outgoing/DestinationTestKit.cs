using FileSync.Persistence;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Serialization;
using FileSync.Persistence.Snapshots;
using FileSync.Storage;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;
using FileSync.TestSupport;

namespace FileSync.Sync.Tests.Outgoing;

/// <summary>
/// What the DestinationActor tests run against: a real SQLite store with the file system <see cref="Fs"/>
/// (a fresh temp folder per test), an in-memory journal with the destination events registered, and one target.
/// </summary>
public abstract class DestinationTestKit : FileSync.Kernel.TestKit.TestKit, IAsyncLifetime
{
    protected const string Fs = "NorthwindFS";
    protected static readonly SynchronizationDestination Target = new("http://localhost:8081", "SlaveNorthwindFS");
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _dir;

    /// <param name="folder">Names the test's temp folder (which class left it, should one be kept).</param>
    protected DestinationTestKit(string folder)
    {
        _dir = new TempDirectory(folder);
        PersistenceExtension.Register(Sys, new InMemoryJournal(), new InMemorySnapshotStore(), new EventSerializer().RegisterDestinationEvents());
    }

    protected NodeStorage Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await NodeStorage.OpenAsync(new StorageSettings(_dir.Path), Sys);
        await Node.FileSystems.CreateFileSystemAsync(Fs);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _dir.Dispose();
    }
}
