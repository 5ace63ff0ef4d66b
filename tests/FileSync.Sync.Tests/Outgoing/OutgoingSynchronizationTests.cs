using System.Collections.Concurrent;
using FileSync.Persistence;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Serialization;
using FileSync.Persistence.Snapshots;
using FileSync.Storage;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;
using FileSync.TestSupport;

namespace FileSync.Sync.Tests.Outgoing;

/// <summary>The facade and /user/destinations: destinations from the config document, change-triggered passes, lists.</summary>
public sealed class OutgoingSynchronizationTests : FileSync.Kernel.TestKit.TestKit, IAsyncLifetime
{
    private const string Fs = "NorthwindFS";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _dir = new("outgoing-facade");
    private readonly ConcurrentDictionary<string, FakeDestination> _fakes = new();
    private NodeStorage _node = null!;

    public OutgoingSynchronizationTests()
    {
        PersistenceExtension.Register(Sys, new InMemoryJournal(), new InMemorySnapshotStore(), new EventSerializer().RegisterDestinationEvents());
    }

    public async Task InitializeAsync()
    {
        _node = await NodeStorage.OpenAsync(new StorageSettings(_dir.Path), Sys);
        await _node.FileSystems.CreateFileSystemAsync(Fs);
        await _node.FileSystems.SetConfigAsync(Fs, ConfigDocuments.Destinations,
            """{"Destinations":[{"ServerUrl":"http://b:8081","FileSystem":"B"},{"ServerUrl":"http://c:8082/","FileSystem":"C","Enabled":false}]}""");
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _dir.Dispose();
    }

    private OutgoingSynchronization Start(TimeSpan changeDelay) =>
        OutgoingSynchronization.Start(Sys, _node.Store, new FakeFactory(_fakes),
            OutgoingSettings.Default with { Interval = TimeSpan.FromHours(1), ChangeDelay = changeDelay, MaxPerDestination = 1, PassAtStart = false }, "http://a:8080");

    [Fact]
    public async Task ToDestinations_answers_once_per_enabled_destination_and_the_rest_is_listed_as_pending()
    {
        var outgoing = Start(TimeSpan.Zero);
        await _node.FileSystems.PutFileAsync(Fs, "/one.bin", new MemoryStream(new byte[100_000]), new Dictionary<string, string>());
        await _node.FileSystems.PutFileAsync(Fs, "/two.bin", new MemoryStream(new byte[100_001]), new Dictionary<string, string>());

        var result = Assert.Single(await outgoing.SynchronizeDestinationsAsync(Fs, forceSyncingAll: false));
        Assert.Equal("http://b:8081", result.DestinationServer);
        Assert.Equal("/one.bin", Assert.Single(result.Reports!).FileName);

        var pending = await outgoing.PendingAsync(Fs, 0, 25);
        Assert.Equal(1, pending.TotalCount);
        Assert.Equal(new SynchronizationDetails("/two.bin", Etags.Format(2), "http://b:8081/fs/B", SynchronizationType.ContentUpdate), pending.Items[0]);
        Assert.Equal(1, (await outgoing.FinishedAsync(Fs, 0, 25)).TotalCount);
        Assert.Empty((await outgoing.ActiveAsync(Fs, 0, 25)).Items);
    }

    [Fact]
    public async Task ToDestination_finds_a_configured_destination_by_url_and_nothing_else()
    {
        var outgoing = Start(TimeSpan.Zero);
        Assert.NotNull(await outgoing.SynchronizeDestinationAsync(Fs, "http://B:8081/", forceSyncingAll: false));
        Assert.Null(await outgoing.SynchronizeDestinationAsync(Fs, "http://elsewhere:1", forceSyncingAll: false));
        var disabled = await outgoing.SynchronizeDestinationAsync(Fs, "http://c:8082", forceSyncingAll: false);
        Assert.Contains("disabled", disabled!.Exception!.Message);
        await Assert.ThrowsAsync<FileSystemNotFoundException>(() => outgoing.SynchronizeDestinationsAsync("NoSuchFS", false));
    }

    [Fact]
    public async Task A_local_change_is_pushed_soon_without_any_trigger()
    {
        Start(TimeSpan.FromMilliseconds(100));
        AwaitCondition(() => _fakes.ContainsKey("http://b:8081"), Wait);
        await _node.FileSystems.PutFileAsync(Fs, "/auto.txt", new MemoryStream([1, 2, 3]), new Dictionary<string, string>());

        AwaitCondition(() => _fakes["http://b:8081"].Applied.Contains("/auto.txt"), Wait);
        Assert.False(_fakes.ContainsKey("http://c:8082"));
    }

    private sealed class FakeFactory(ConcurrentDictionary<string, FakeDestination> fakes) : IDestinationClientFactory
    {
        public IDestinationClient Create(SourceIdentity source, SynchronizationDestination destination) =>
            fakes.GetOrAdd(destination.NormalizedServerUrl, _ => new FakeDestination());
    }
}
