using FileSync.Persistence;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Snapshots;

namespace FileSync.Persistence.Tests.Providers;

/// <summary>In-memory stores; "reopening" hands back the same instances, the way a restart would see them.</summary>
public sealed class InMemoryStoreProvider : IStoreProvider
{
    private readonly InMemoryJournal _journal = new();
    private readonly InMemorySnapshotStore _snapshots = new();

    public string Name => "InMemory";

    public Task<PersistenceStores> OpenAsync(int batchSize = 100) => Task.FromResult(new PersistenceStores(_journal, _snapshots));
}
