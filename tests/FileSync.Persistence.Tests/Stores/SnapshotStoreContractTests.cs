using FileSync.Persistence.Snapshots;
using FileSync.Persistence.Tests.Providers;

namespace FileSync.Persistence.Tests.Stores;

/// <summary>What every snapshot store must do; run once per provider.</summary>
public abstract class SnapshotStoreContractTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : class, IStoreProvider
{
    private static StoredSnapshot Snapshot(string id, long nr, DateTimeOffset? created = null) =>
        new(new SnapshotMetadata(id, nr, created ?? DateTimeOffset.UtcNow), "test-state", [(byte)nr, 1, 2, 3]);

    [Fact]
    public async Task SnapshotStore_loads_the_newest_snapshot_that_matches_the_criteria()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        var old = DateTimeOffset.UtcNow.AddHours(-1);
        await stores.Snapshots.SaveAsync(Snapshot(id, 10, old));
        await stores.Snapshots.SaveAsync(Snapshot(id, 20));
        await stores.Snapshots.SaveAsync(Snapshot(id, 30));

        var latest = await stores.Snapshots.LoadAsync(id, SnapshotSelectionCriteria.Latest);
        var upTo25 = await stores.Snapshots.LoadAsync(id, new SnapshotSelectionCriteria(MaxSequenceNr: 25));
        var olderThanNow = await stores.Snapshots.LoadAsync(id, new SnapshotSelectionCriteria(MaxTimestamp: old.AddMinutes(1)));
        var none = await stores.Snapshots.LoadAsync(id, SnapshotSelectionCriteria.None);

        Assert.Equal(30, latest?.Metadata.SequenceNr);
        Assert.Equal([30, 1, 2, 3], latest?.Payload);
        Assert.Equal("test-state", latest?.Manifest);
        Assert.Equal(20, upTo25?.Metadata.SequenceNr);
        Assert.Equal(10, olderThanNow?.Metadata.SequenceNr);
        Assert.Null(none);
    }

    [Fact]
    public async Task SnapshotStore_replaces_a_snapshot_saved_twice_at_one_number()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        await stores.Snapshots.SaveAsync(Snapshot(id, 5));
        await stores.Snapshots.SaveAsync(Snapshot(id, 5) with { Payload = [9, 9] });

        var loaded = await stores.Snapshots.LoadAsync(id, SnapshotSelectionCriteria.Latest);

        Assert.Equal([9, 9], loaded?.Payload);
    }

    [Fact]
    public async Task SnapshotStore_deletes_one_snapshot_or_all_that_match()
    {
        await using var stores = await provider.OpenAsync();
        var id = Events.NewId();
        foreach (var nr in new long[] { 1, 2, 3, 4 }) await stores.Snapshots.SaveAsync(Snapshot(id, nr));

        await stores.Snapshots.DeleteAsync(new SnapshotMetadata(id, 4, DateTimeOffset.UtcNow));
        Assert.Equal(3, (await stores.Snapshots.LoadAsync(id, SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);

        await stores.Snapshots.DeleteAsync(id, new SnapshotSelectionCriteria(MaxSequenceNr: 2));
        Assert.Equal(3, (await stores.Snapshots.LoadAsync(id, SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
        Assert.Null(await stores.Snapshots.LoadAsync(id, new SnapshotSelectionCriteria(MaxSequenceNr: 2)));
    }
}

public sealed class InMemorySnapshotStoreContractTests(InMemoryStoreProvider provider) : SnapshotStoreContractTests<InMemoryStoreProvider>(provider);

public sealed class SqliteSnapshotStoreContractTests(SqliteStoreProvider provider) : SnapshotStoreContractTests<SqliteStoreProvider>(provider);

public sealed class PostgresSnapshotStoreContractTests(PostgresStoreProvider provider) : SnapshotStoreContractTests<PostgresStoreProvider>(provider);
