using FileSync.Persistence.Journal;
using FileSync.Persistence.Tests.Providers;

namespace FileSync.Persistence.Tests.Stores;

/// <summary>What every journal must do; run once per provider by the subclasses below.</summary>
public abstract class JournalContractTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : class, IStoreProvider
{
    [Fact]
    public async Task Journal_replays_a_written_range_in_order_and_reports_the_highest_number()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        await stores.Journal.WriteAsync(Events.Write(id, 1, 3));
        await stores.Journal.WriteAsync(Events.Write(id, 4, 6));

        var middle = new List<long>();
        await foreach (var e in stores.Journal.ReplayAsync(id, 2, 5)) middle.Add(e.SequenceNr);
        var limited = new List<long>();
        await foreach (var e in stores.Journal.ReplayAsync(id, 1, 6, max: 2)) limited.Add(e.SequenceNr);

        Assert.Equal([2, 3, 4, 5], middle);
        Assert.Equal([1, 2], limited);
        Assert.Equal(6, await stores.Journal.ReadHighestSequenceNrAsync(id));
        Assert.Equal(0, await stores.Journal.ReadHighestSequenceNrAsync(Events.NewId("never-written")));
    }

    [Fact]
    public async Task Journal_keeps_every_column_of_an_event()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        var written = Events.Repr(id, 1, "payload", writer: "node-a#7", tags: ["blue", "green"]);
        await stores.Journal.WriteAsync(new AtomicWrite([written]));

        var read = Assert.Single(await stores.Journal.ReplayAllAsync(id));

        Assert.Equal(written.Manifest, read.Manifest);
        Assert.Equal(written.Payload, read.Payload);
        Assert.Equal("node-a#7", read.Writer);
        Assert.Equal(["blue", "green"], read.Tags);
        Assert.Equal(written.Created.ToUnixTimeMilliseconds(), read.Created.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Journal_rejects_a_write_that_reuses_a_sequence_number_and_stores_none_of_it()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        await stores.Journal.WriteAsync(Events.Write(id, 1, 2));

        var conflict = await Assert.ThrowsAsync<JournalConflictException>(() => stores.Journal.WriteAsync(Events.Write(id, 2, 4)));

        Assert.Equal(id, conflict.PersistenceId);
        Assert.Equal([1L, 2L], (await stores.Journal.ReplayAllAsync(id)).Select(e => e.SequenceNr));
        Assert.Equal(2, await stores.Journal.ReadHighestSequenceNrAsync(id));
    }

    [Fact]
    public async Task Journal_deletes_up_to_a_number_and_still_remembers_the_highest()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        await stores.Journal.WriteAsync(Events.Write(id, 1, 5));

        await stores.Journal.DeleteMessagesToAsync(id, 3);
        Assert.Equal([4L, 5L], (await stores.Journal.ReplayAllAsync(id)).Select(e => e.SequenceNr));

        await stores.Journal.DeleteMessagesToAsync(id, long.MaxValue);
        Assert.Empty(await stores.Journal.ReplayAllAsync(id));
        Assert.Equal(5, await stores.Journal.ReadHighestSequenceNrAsync(id));
    }

    [Fact]
    public async Task Journal_group_commits_concurrent_writers_and_fails_only_the_conflicting_one()
    {
        await using var stores = await provider.OpenAsync(batchSize: 16);
        var ids = Enumerable.Range(0, 40).Select(i => Events.NewId($"group{i}")).ToArray();
        var taken = Events.NewId("taken");
        await stores.Journal.WriteAsync(Events.Write(taken, 1, 1));

        var writes = ids.Select(id => stores.Journal.WriteAsync(Events.Write(id, 1, 3))).ToList();
        var conflicting = stores.Journal.WriteAsync(Events.Write(taken, 1, 2));
        writes.AddRange(ids.Select(id => stores.Journal.WriteAsync(Events.Write(id, 4, 4))));

        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<JournalConflictException>(() => conflicting);
        foreach (var id in ids)
        {
            Assert.Equal([1L, 2L, 3L, 4L], (await stores.Journal.ReplayAllAsync(id)).Select(e => e.SequenceNr));
        }
        Assert.Single(await stores.Journal.ReplayAllAsync(taken));
    }

    [Fact]
    public async Task Journal_stores_a_one_mebibyte_payload_intact()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        var payload = new byte[1024 * 1024];
        new Random(42).NextBytes(payload);
        await stores.Journal.WriteAsync(new AtomicWrite([Events.Repr(id, 1) with { Payload = payload }]));

        var read = Assert.Single(await stores.Journal.ReplayAllAsync(id));

        Assert.Equal(payload, read.Payload);
    }

    [Fact]
    public async Task Journal_history_survives_reopening_the_store()
    {
        var id = Events.NewId();
        await using (var first = await provider.OpenAsync())
        {
            await first.Journal.WriteAsync(Events.Write(id, 1, 3));
        }

        await using var second = await provider.OpenAsync();

        Assert.Equal([1L, 2L, 3L], (await second.Journal.ReplayAllAsync(id)).Select(e => e.SequenceNr));
    }
}

public sealed class InMemoryJournalContractTests(InMemoryStoreProvider provider) : JournalContractTests<InMemoryStoreProvider>(provider);

public sealed class SqliteJournalContractTests(SqliteStoreProvider provider) : JournalContractTests<SqliteStoreProvider>(provider);

public sealed class PostgresJournalContractTests(PostgresStoreProvider provider) : JournalContractTests<PostgresStoreProvider>(provider);
