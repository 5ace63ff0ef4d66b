using FileSync.Kernel;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Tests.Providers;
using FileSync.Persistence.Tests.Stores;

namespace FileSync.Persistence.Tests.Actors;

/// <summary>
/// The behavioural suite every journal must pass when driven by real persistent actors; one subclass per provider.
/// "A fresh actor system" stands for a node restart: new system, stores reopened over the same database.
/// </summary>
public abstract class PersistentActorSuite<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : class, IStoreProvider
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static Task<long> AddAsync(IActorRef list, string item) => list.Ask<long>(new AddItem(item), Timeout);

    private static Task<ListState> StateAsync(IActorRef list) => list.Ask<ListState>(new GetList(), Timeout);

    [Fact]
    public async Task Persisted_events_are_recovered_in_a_fresh_actor_system()
    {
        var id = Events.NewId("list");
        await using (var first = await PersistentActorSystem.StartAsync(provider))
        {
            var list = first.StartList(id);
            Assert.Equal(1, await AddAsync(list, "milk"));
            Assert.Equal(2, await AddAsync(list, "bread"));
            Assert.Equal(4, await list.Ask<long>(new AddItems(["eggs", "tea"]), Timeout));
        }

        await using var second = await PersistentActorSystem.StartAsync(provider);
        var state = await StateAsync(second.StartList(id));

        Assert.Equal(["milk", "bread", "eggs", "tea"], state.Items);
        Assert.Equal(4, state.LastSequenceNr);
        Assert.Equal(4, state.EventsReplayed);
        Assert.True(state.RecoveryCompleted);
    }

    [Fact]
    public async Task Recovery_starts_from_the_snapshot_and_replays_only_the_tail()
    {
        var id = Events.NewId("list");
        await using (var first = await PersistentActorSystem.StartAsync(provider))
        {
            var list = first.StartList(id);
            foreach (var item in new[] { "a", "b", "c" }) await AddAsync(list, item);
            Assert.Equal(3, await list.Ask<long>(new TakeSnapshot(), Timeout));
            await AddAsync(list, "d");
            await AddAsync(list, "e");
        }

        await using var second = await PersistentActorSystem.StartAsync(provider);
        var state = await StateAsync(second.StartList(id));

        Assert.Equal(["a", "b", "c", "d", "e"], state.Items);
        Assert.Equal(3, state.RecoveredFromSnapshotAt);
        Assert.Equal(2, state.EventsReplayed);
        Assert.Equal(5, state.LastSequenceNr);
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_and_numbering_continues_after_them()
    {
        var id = Events.NewId("list");
        await using (var first = await PersistentActorSystem.StartAsync(provider))
        {
            var list = first.StartList(id);
            foreach (var item in new[] { "a", "b", "c", "d" }) await AddAsync(list, item);
            Assert.Equal(3, await list.Ask<long>(new DeleteEventsUpTo(3), Timeout));
        }

        await using var second = await PersistentActorSystem.StartAsync(provider);
        var restarted = second.StartList(id);
        var state = await StateAsync(restarted);

        Assert.Equal(["d"], state.Items);
        Assert.Equal(4, state.LastSequenceNr);
        Assert.Equal(5, await AddAsync(restarted, "e"));
    }

    [Fact]
    public async Task Events_are_stored_in_order_and_commands_sent_during_a_write_wait_their_turn()
    {
        var id = Events.NewId("list");
        var items = Enumerable.Range(0, 200).Select(i => $"item{i}").ToList();
        await using (var first = await PersistentActorSystem.StartAsync(provider))
        {
            var list = first.StartList(id);
            // Fire-and-forget: most of these arrive while an earlier write is still in flight.
            foreach (var item in items) list.Tell(new AddItem(item));
            var state = await StateAsync(list);

            Assert.Equal(items, state.Items);
            Assert.Equal(Enumerable.Range(0, 200), state.ItemCountSeenByEachCommand);
        }

        await using var second = await PersistentActorSystem.StartAsync(provider);
        await using var stores = await provider.OpenAsync();
        var stored = await stores.Journal.ReplayAllAsync(id);

        Assert.Equal(Enumerable.Range(1, 200).Select(n => (long)n), stored.Select(e => e.SequenceNr));
        Assert.Equal(items, (await StateAsync(second.StartList(id))).Items);
    }

    [Fact]
    public async Task A_one_mebibyte_event_is_persisted_and_recovered_intact()
    {
        var id = Events.NewId("list");
        var big = string.Create(1024 * 1024, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + (i * 7 % 26));
        });
        await using (var first = await PersistentActorSystem.StartAsync(provider))
        {
            Assert.Equal(1, await AddAsync(first.StartList(id), big));
        }

        await using var second = await PersistentActorSystem.StartAsync(provider);
        var state = await StateAsync(second.StartList(id));

        Assert.Equal(big, Assert.Single(state.Items));
    }

    [Fact]
    public async Task A_second_writer_of_one_id_fails_on_the_unique_key_and_stops_without_forking_the_history()
    {
        var id = Events.NewId("list");
        await using var owner = await PersistentActorSystem.StartAsync(provider, writer: "owner");
        await using var stale = await PersistentActorSystem.StartAsync(provider, writer: "stale");
        var ownerList = owner.StartList(id);
        var staleList = stale.StartList(id);
        await StateAsync(ownerList);
        await StateAsync(staleList); // both have recovered the same empty history

        Assert.Equal(1, await AddAsync(ownerList, "from-owner"));
        var staleStopped = stale.WhenStopped(staleList);
        staleList.Tell(new AddItem("from-stale"));
        await staleStopped.WaitAsync(Timeout);

        var error = Assert.Single(stale.Errors, e => e.Cause is JournalConflictException);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        await using var stores = await provider.OpenAsync();
        var stored = Assert.Single(await stores.Journal.ReplayAllAsync(id));
        Assert.Equal("owner#0", stored.Writer);
    }

    [Fact]
    public async Task Recovery_that_meets_an_unknown_manifest_stops_and_names_the_id_and_the_event()
    {
        var id = Events.NewId("list");
        await using (var stores = await provider.OpenAsync())
        {
            await stores.Journal.WriteAsync(new AtomicWrite([
                new PersistentRepr(id, 1, "test.item-added", "{\"Item\":\"ok\"}"u8.ToArray(), "test#0", DateTimeOffset.UtcNow),
                new PersistentRepr(id, 2, "test.renamed-away", "{}"u8.ToArray(), "test#0", DateTimeOffset.UtcNow),
            ]));
        }

        await using var system = await PersistentActorSystem.StartAsync(provider);
        var list = system.StartList(id);
        await system.WhenStopped(list).WaitAsync(Timeout);

        var error = Assert.Single(system.Errors, e => e.Cause is RecoveryFailedException);
        var failure = (RecoveryFailedException)error.Cause!;
        Assert.Equal(id, failure.PersistenceId);
        Assert.Equal(2, failure.SequenceNr);
        Assert.Contains("test.renamed-away", error.Message, StringComparison.Ordinal);
    }
}

public sealed class InMemoryPersistentActorTests(InMemoryStoreProvider provider) : PersistentActorSuite<InMemoryStoreProvider>(provider);

public sealed class SqlitePersistentActorTests(SqliteStoreProvider provider) : PersistentActorSuite<SqliteStoreProvider>(provider);

public sealed class PostgresPersistentActorTests(PostgresStoreProvider provider) : PersistentActorSuite<PostgresStoreProvider>(provider);
