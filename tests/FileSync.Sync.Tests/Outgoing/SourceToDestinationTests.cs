using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Serialization;
using FileSync.Persistence.Snapshots;
using FileSync.Storage;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Outgoing;
using FileSync.TestSupport;

namespace FileSync.Sync.Tests.Outgoing;

/// <summary>
/// The source side against the real destination side, in one process: node A's DestinationActor pushes to
/// node B's <see cref="IncomingSynchronization"/> (each node its own SQLite store). Real processes over HTTP
/// are the acceptance suite's job.
/// </summary>
public sealed class SourceToDestinationTests : FileSync.Kernel.TestKit.TestKit, IAsyncLifetime
{
    private const string SourceFs = "NorthwindFS";
    private const string DestinationFs = "SlaveNorthwindFS";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _dir = new("outgoing-e2e");
    private NodeStorage _a = null!;
    private NodeStorage _b = null!;
    private IActorRef _destination = null!;

    public SourceToDestinationTests()
    {
        PersistenceExtension.Register(Sys, new InMemoryJournal(), new InMemorySnapshotStore(), new EventSerializer().RegisterDestinationEvents());
    }

    public async Task InitializeAsync()
    {
        _a = await NodeStorage.OpenAsync(new StorageSettings(_dir.Combine("a")), Sys);
        _b = await NodeStorage.OpenAsync(new StorageSettings(_dir.Combine("b")));
        await _a.FileSystems.CreateFileSystemAsync(SourceFs);
        await _b.FileSystems.CreateFileSystemAsync(DestinationFs);
        var client = new InProcessDestination(new IncomingSynchronization(_b.Store), DestinationFs, new SourceInfo(_a.ServerId, "http://a", SourceFs));
        _destination = Sys.ActorOf(DestinationActor.Props(SourceFs, new SynchronizationDestination("http://b", DestinationFs),
            new DestinationDependencies(_a.Store, client, OutgoingSettings.Default, _ => Task.FromResult(5))));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _dir.Dispose();
    }

    private static byte[] RandomBytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private Task Put(string name, byte[] content, Dictionary<string, string>? metadata = null) =>
        _a.FileSystems.PutFileAsync(SourceFs, name, new MemoryStream(content), metadata ?? []);

    private IReadOnlyList<SynchronizationReport>? Sync()
    {
        _destination.Tell(new SynchronizeDestination(ForceSyncingAll: true), TestActor);
        var result = ExpectMsg<DestinationSyncResult>(timeout: Wait);
        Assert.Null(result.Exception);
        return result.Reports;
    }

    [Fact]
    public async Task Files_arrive_whole_with_figures_adding_up_and_a_second_pass_does_nothing()
    {
        await Put("/docs/a.bin", RandomBytes(300_000, 1));
        await Put("/docs/empty.txt", []);

        var reports = Sync()!;
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Null(r.Exception));
        var a = await _a.FileSystems.GetFileAsync(SourceFs, "/docs/a.bin");
        var b = await _b.FileSystems.GetFileAsync(DestinationFs, "/docs/a.bin");
        Assert.Equal(a!.ContentHash, b!.ContentHash);
        var report = reports.Single(r => r.FileName == "/docs/a.bin");
        Assert.Equal(300_000, report.BytesTransfered + report.BytesCopied);
        Assert.Equal(SynchronizationType.ContentUpdate, report.Type);
        Assert.Equal(0, (await _b.FileSystems.GetFileAsync(DestinationFs, "/docs/empty.txt"))!.Size);

        Assert.Null(Sync());
    }

    [Fact]
    public async Task A_small_edit_of_a_large_file_sends_only_the_changed_part()
    {
        var content = RandomBytes(4_000_000, 2);
        await Put("/big.bin", content);
        Sync();

        RandomBytes(40_000, 3).CopyTo(content, 2_000_000);
        await Put("/big.bin", content);
        var report = Assert.Single(Sync()!);

        Assert.Null(report.Exception);
        Assert.Equal(content.Length, report.BytesTransfered + report.BytesCopied);
        Assert.InRange(report.BytesTransfered, 40_000, content.Length / 10);
        Assert.Equal((await _a.FileSystems.GetFileAsync(SourceFs, "/big.bin"))!.ContentHash,
            (await _b.FileSystems.GetFileAsync(DestinationFs, "/big.bin"))!.ContentHash);
    }

    [Fact]
    public async Task Metadata_changes_renames_and_deletes_move_no_content()
    {
        await Put("/m.txt", RandomBytes(1000, 4));
        await Put("/r.txt", RandomBytes(1000, 5));
        await Put("/d.txt", RandomBytes(1000, 6));
        Sync();

        await _a.FileSystems.UpdateMetadataAsync(SourceFs, "/m.txt", new Dictionary<string, string> { ["Owner"] = "ayende" });
        await _a.FileSystems.RenameFileAsync(SourceFs, "/r.txt", "/renamed.txt");
        await _a.FileSystems.DeleteFileAsync(SourceFs, "/d.txt");
        var reports = Sync()!;

        Assert.Contains(reports, r => r is { FileName: "/m.txt", Type: SynchronizationType.MetadataUpdate, BytesTransfered: 0, Exception: null });
        Assert.Contains(reports, r => r is { FileName: "/r.txt", Type: SynchronizationType.Rename, BytesTransfered: 0, Exception: null });
        Assert.Contains(reports, r => r is { FileName: "/d.txt", Type: SynchronizationType.Delete, BytesTransfered: 0, Exception: null });
        Assert.Equal("ayende", (await _b.FileSystems.GetFileAsync(DestinationFs, "/m.txt"))!.Metadata["Owner"]);
        Assert.Null(await _b.FileSystems.GetFileAsync(DestinationFs, "/r.txt"));
        Assert.NotNull(await _b.FileSystems.GetFileAsync(DestinationFs, "/renamed.txt"));
        Assert.Null(await _b.FileSystems.GetFileAsync(DestinationFs, "/d.txt"));
    }

    [Fact]
    public async Task Concurrent_edits_on_both_sides_are_a_conflict_not_an_overwrite()
    {
        await Put("/c.txt", RandomBytes(1000, 7));
        Sync();
        await _b.FileSystems.PutFileAsync(DestinationFs, "/c.txt", new MemoryStream(RandomBytes(1000, 8)), new Dictionary<string, string>());
        var theirs = (await _b.FileSystems.GetFileAsync(DestinationFs, "/c.txt"))!.ContentHash;
        await Put("/c.txt", RandomBytes(1000, 9));

        var report = Assert.Single(Sync()!);
        Assert.Equal("File /c.txt is conflicted", report.Exception?.Message);
        Assert.Equal(theirs, (await _b.FileSystems.GetFileAsync(DestinationFs, "/c.txt"))!.ContentHash);
    }
}
