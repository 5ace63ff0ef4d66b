using FileSync.Persistence.Journal;
using FileSync.Persistence.Postgres;
using FileSync.Persistence.Snapshots;
using FileSync.Persistence.Sqlite;

namespace FileSync.Persistence;

/// <summary>The journal and snapshot store a node uses, opened from <see cref="PersistenceSettings"/>.</summary>
public sealed record PersistenceStores(IJournal Journal, ISnapshotStore Snapshots) : IAsyncDisposable
{
    /// <summary>Opens both stores for the configured provider (creating the schema when auto-initialize is on).</summary>
    /// <param name="dataDirectory">The node's data directory; the SQLite file goes there when no connection string is set.</param>
    public static async Task<PersistenceStores> OpenAsync(PersistenceSettings settings, string dataDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var connectionString = settings.ResolveConnectionString(dataDirectory);
        switch (settings.Provider)
        {
            case PersistenceProvider.Sqlite:
            {
                var journal = await SqliteJournal.OpenAsync(connectionString, settings.AutoInitialize, settings.BatchSize, cancellationToken).ConfigureAwait(false);
                var snapshots = await SqliteSnapshotStore.OpenAsync(connectionString, settings.AutoInitialize, cancellationToken).ConfigureAwait(false);
                return new PersistenceStores(journal, snapshots);
            }
            case PersistenceProvider.PostgreSql:
            {
                var journal = await PostgresJournal.OpenAsync(connectionString, settings.AutoInitialize, settings.BatchSize, cancellationToken).ConfigureAwait(false);
                var snapshots = await PostgresSnapshotStore.OpenAsync(connectionString, settings.AutoInitialize, cancellationToken).ConfigureAwait(false);
                return new PersistenceStores(journal, snapshots);
            }
            default:
                throw new ArgumentException($"Unknown persistence provider {settings.Provider}.", nameof(settings));
        }
    }

    /// <summary>Fresh in-memory stores, for unit tests.</summary>
    public static PersistenceStores InMemory() => new(new InMemoryJournal(), new InMemorySnapshotStore());

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync().ConfigureAwait(false);
        await Snapshots.DisposeAsync().ConfigureAwait(false);
    }
}
