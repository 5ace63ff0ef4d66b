namespace FileSync.Persistence;

/// <summary>Which database holds journals and snapshots.</summary>
public enum PersistenceProvider
{
    /// <summary>One embedded SQLite file (WAL mode) under the node's data directory. The default.</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL server, for clusters.</summary>
    PostgreSql,
}

/// <summary>
/// The <c>filesync.persistence</c> section as a plain record (the server maps HOCON onto it).
/// </summary>
/// <param name="Provider"><c>provider = sqlite | postgresql</c>.</param>
/// <param name="ConnectionString"><c>connection-string</c>; empty with SQLite means <c>&lt;data-dir&gt;/filesync.db</c>.</param>
/// <param name="AutoInitialize"><c>auto-initialize</c>: create or migrate the schema on start.</param>
/// <param name="BatchSize"><c>batch-size</c>: at most this many events per group-commit transaction.</param>
/// <param name="SnapshotEvery"><c>snapshot-every</c>: events between snapshots, for actors that opt in (0 = never).</param>
public sealed record PersistenceSettings(
    PersistenceProvider Provider = PersistenceProvider.Sqlite,
    string ConnectionString = "",
    bool AutoInitialize = true,
    int BatchSize = 100,
    int SnapshotEvery = 500)
{
    /// <summary>The SQLite database file name used when the connection string is empty.</summary>
    public const string DefaultSqliteFileName = "filesync.db";

    /// <summary>Parses the <c>provider</c> key ("sqlite" or "postgresql", any case); anything else is a clear error.</summary>
    public static PersistenceProvider ParseProvider(string value) => value.Trim().ToLowerInvariant() switch
    {
        "sqlite" => PersistenceProvider.Sqlite,
        "postgresql" or "postgres" => PersistenceProvider.PostgreSql,
        _ => throw new ArgumentException($"filesync.persistence.provider is '{value}'; expected 'sqlite' or 'postgresql'.", nameof(value)),
    };

    /// <summary>Throws with a sentence naming the key when a value is out of range.</summary>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"filesync.persistence.batch-size must be at least 1; got {BatchSize}.");
        if (SnapshotEvery < 0) throw new ArgumentException($"filesync.persistence.snapshot-every must be 0 (never) or more; got {SnapshotEvery}.");
        if (Provider == PersistenceProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("filesync.persistence.connection-string is required when provider = postgresql.");
        }
    }

    /// <summary>The effective connection string: for SQLite with none given, the default file under <paramref name="dataDirectory"/>.</summary>
    public string ResolveConnectionString(string dataDirectory) =>
        Provider == PersistenceProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(dataDirectory, DefaultSqliteFileName)}"
            : ConnectionString;
}
