using FileSync.Kernel;
using FileSync.Persistence.Serialization;
using FileSync.Persistence.Snapshots;
using FileSync.Persistence.Tests.Providers;
using FileSync.Persistence.Tests.Stores;

namespace FileSync.Persistence.Tests.Actors;

/// <summary>Persistent-actor behaviour that does not depend on the database, run on the in-memory stores.</summary>
public sealed class InMemoryPersistentActorBehaviourTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly InMemoryStoreProvider _provider = new();

    [Fact]
    public async Task InMemory_actor_saves_a_snapshot_every_n_events_when_it_offers_its_state()
    {
        var id = Events.NewId("list");
        await using var system = await PersistentActorSystem.StartAsync(_provider, snapshotEvery: 3);
        var list = system.StartList(id, offerSnapshots: true);
        for (var i = 0; i < 7; i++) await list.Ask<long>(new AddItem($"i{i}"), Timeout);

        var stores = await _provider.OpenAsync();
        StoredSnapshot? snapshot = null;
        for (var attempt = 0; attempt < 100 && snapshot?.Metadata.SequenceNr != 6; attempt++)
        {
            snapshot = await stores.Snapshots.LoadAsync(id, SnapshotSelectionCriteria.Latest);
            if (snapshot?.Metadata.SequenceNr != 6) await Task.Delay(50); // saved in the background after the 6th event
        }

        Assert.Equal(6, snapshot?.Metadata.SequenceNr);
        Assert.Equal(3, (await stores.Snapshots.LoadAsync(id, new SnapshotSelectionCriteria(MaxSequenceNr: 5)))?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task InMemory_actor_that_persists_an_unregistered_event_type_stops_with_a_logged_error()
    {
        var id = Events.NewId("list");
        var withoutEvents = new EventSerializer().Register<ListSnapshot>("test.list-snapshot");
        await using var system = await PersistentActorSystem.StartAsync(_provider, serializer: withoutEvents);
        var list = system.StartList(id);
        var stopped = system.WhenStopped(list);

        list.Tell(new AddItem("milk"));
        await stopped.WaitAsync(Timeout);

        var error = Assert.Single(system.Errors, e => e.Cause is UnregisteredTypeException);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Empty(await (await _provider.OpenAsync()).Journal.ReplayAllAsync(id));
    }

    [Fact]
    public async Task InMemory_persistence_extension_missing_is_a_sentence_naming_the_registration_call()
    {
        await using var system = ActorSystem.Create("no-persistence");

        var error = Assert.Throws<InvalidOperationException>(() => PersistenceExtension.Get(system));

        Assert.Contains("PersistenceExtension.Register", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMemory_actor_restarted_in_the_same_system_recovers_its_own_events()
    {
        var id = Events.NewId("list");
        await using var system = await PersistentActorSystem.StartAsync(_provider);
        var first = system.StartList(id);
        await first.Ask<long>(new AddItem("a"), Timeout);
        var stopped = system.WhenStopped(first);
        system.System.Stop(first);
        await stopped.WaitAsync(Timeout);

        var second = system.StartList(id);
        var state = await second.Ask<ListState>(new GetList(), Timeout);

        Assert.Equal(["a"], state.Items);
        Assert.Equal(2, await second.Ask<long>(new AddItem("b"), Timeout));
    }

    [Fact]
    public async Task InMemory_actor_may_persist_in_OnRecoveryCompleted_before_its_first_command()
    {
        var id = Events.NewId("starts");
        for (var run = 1; run <= 2; run++)
        {
            await using var system = await PersistentActorSystem.StartAsync(_provider, serializer: StartCounter.Serializer());
            var counter = system.System.ActorOf(Props.Create(() => new StartCounter(id)));

            var starts = await counter.Ask<List<int>>(new GetStarts(), Timeout);

            Assert.Equal(Enumerable.Range(1, run), starts);
        }
    }
}
