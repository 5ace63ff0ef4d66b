using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Persistence.Serialization;
using FileSync.Storage;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;
using FileSync.TestSupport;

namespace FileSync.Sync.Tests.Outgoing;

/// <summary>A destination's queue survives a node restart: two actor systems, one after the other, over one SQLite journal.</summary>
public sealed class DestinationRecoveryTests : IAsyncLifetime
{
    private const string Fs = "NorthwindFS";
    private static readonly SynchronizationDestination Target = new("http://localhost:8081", "SlaveNorthwindFS");
    private readonly TempDirectory _dir = new("outgoing-recovery");
    private NodeStorage _node = null!;

    public async Task InitializeAsync()
    {
        _node = await NodeStorage.OpenAsync(new StorageSettings(_dir.Combine("store")));
        await _node.FileSystems.CreateFileSystemAsync(Fs);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<(ActorSystem System, PersistenceStores Stores)> StartNodeAsync(string name)
    {
        var settings = new PersistenceSettings(SnapshotEvery: 3);
        var stores = await PersistenceStores.OpenAsync(settings, _dir.Path);
        var system = ActorSystem.Create(name);
        PersistenceExtension.Register(system, stores, new EventSerializer().RegisterDestinationEvents(), settings);
        return (system, stores);
    }

    private IActorRef StartDestination(ActorSystem system, FakeDestination fake) =>
        system.ActorOf(DestinationActor.Props(Fs, Target, new DestinationDependencies(_node.Store, fake,
            OutgoingSettings.Default with { MaxPerDestination = 1, SmallFileLimit = 0 }, _ => Task.FromResult(1))), "destination");

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition was not met within 20 s.");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task Works_queued_and_running_when_the_node_stopped_run_after_it_restarts_from_the_sqlite_journal()
    {
        for (var i = 0; i < 4; i++)
            await _node.FileSystems.PutFileAsync(Fs, $"/f{i}.bin", new MemoryStream(new byte[1000 + i]), new Dictionary<string, string>());

        var (first, firstStores) = await StartNodeAsync("first-life");
        var stuck = new FakeDestination { Gate = new TaskCompletionSource() };
        StartDestination(first, stuck).Tell(BackgroundPass.Instance);
        await Eventually(() => stuck.InFlight == 1);
        await first.Terminate();
        await firstStores.DisposeAsync();
        stuck.Gate.SetResult();

        var (second, secondStores) = await StartNodeAsync("second-life");
        try
        {
            var healthy = new FakeDestination();
            var actor = StartDestination(second, healthy);
            await Eventually(() => healthy.Applied.Count == 4);
            Assert.Equal(["/f0.bin", "/f1.bin", "/f2.bin", "/f3.bin"], healthy.Applied);
            await Eventually(() => actor.Ask<DestinationState>(GetDestinationState.Instance).Result.Confirmed == 4);
        }
        finally
        {
            await second.Terminate();
            await secondStores.DisposeAsync();
        }
    }
}
