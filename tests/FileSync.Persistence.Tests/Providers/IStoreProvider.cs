using FileSync.Persistence;

namespace FileSync.Persistence.Tests.Providers;

/// <summary>
/// One database for one test class, which tests open as often as they like: each <see cref="OpenAsync"/> is
/// like a node starting again against the same stored data.
/// </summary>
public interface IStoreProvider
{
    /// <summary>"InMemory", "Sqlite" or "Postgres" (for messages).</summary>
    string Name { get; }

    Task<PersistenceStores> OpenAsync(int batchSize = 100);
}
