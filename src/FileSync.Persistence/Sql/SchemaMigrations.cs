namespace FileSync.Persistence.Sql;

/// <summary>One forward step of the persistence schema.</summary>
public sealed record SchemaMigration(int Version, string Description, string Sql);

/// <summary>
/// The versioned persistence schema per provider. Applied migrations are recorded in
/// <c>persistence_schema(version, description, applied)</c>; a later change is a new entry with the next version,
/// never an edit of an old one.
/// </summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> Sqlite { get; } =
    [
        new(1, "journal, journal_metadata and snapshots", """
            CREATE TABLE journal (
                ordering INTEGER PRIMARY KEY AUTOINCREMENT,
                persistence_id TEXT NOT NULL,
                sequence_nr INTEGER NOT NULL,
                created INTEGER NOT NULL,
                manifest TEXT NOT NULL,
                payload BLOB NOT NULL,
                tags TEXT NULL,
                writer TEXT NOT NULL,
                UNIQUE (persistence_id, sequence_nr));
            CREATE TABLE journal_metadata (
                persistence_id TEXT PRIMARY KEY,
                max_sequence_nr INTEGER NOT NULL);
            CREATE TABLE snapshots (
                persistence_id TEXT NOT NULL,
                sequence_nr INTEGER NOT NULL,
                created INTEGER NOT NULL,
                manifest TEXT NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr));
            """),
    ];

    public static IReadOnlyList<SchemaMigration> PostgreSql { get; } =
    [
        new(1, "journal, journal_metadata and snapshots", """
            CREATE TABLE journal (
                ordering BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                created BIGINT NOT NULL,
                manifest TEXT NOT NULL,
                payload BYTEA NOT NULL,
                tags TEXT NULL,
                writer TEXT NOT NULL,
                UNIQUE (persistence_id, sequence_nr));
            CREATE TABLE journal_metadata (
                persistence_id TEXT PRIMARY KEY,
                max_sequence_nr BIGINT NOT NULL);
            CREATE TABLE snapshots (
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                created BIGINT NOT NULL,
                manifest TEXT NOT NULL,
                payload BYTEA NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr));
            """),
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Sqlite[^1].Version;
}
