using FileSync.Storage.Chunking;

namespace FileSync.Storage;

/// <summary>Where a node keeps its file systems.</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite file in the data directory (the default, zero set-up).</summary>
    Sqlite,

    /// <summary>Everything (metadata and chunk bytes) in a shared PostgreSQL database, for cluster mode.</summary>
    PostgreSql,
}

/// <summary>How a node's storage is opened.</summary>
/// <param name="DataDirectory">The node's data folder; created when missing.</param>
/// <param name="Provider">Which database holds metadata and chunks.</param>
/// <param name="ConnectionString">Empty means <c>&lt;DataDirectory&gt;/filesync.db</c> for SQLite; required for PostgreSQL.</param>
/// <param name="MinChunk">Smallest chunk in bytes (except a file's last chunk).</param>
/// <param name="AvgChunk">Target average chunk size in bytes; a power of two.</param>
/// <param name="MaxChunk">Largest chunk in bytes.</param>
public sealed record StorageSettings(
    string DataDirectory,
    StorageProvider Provider = StorageProvider.Sqlite,
    string ConnectionString = "",
    int MinChunk = ChunkingOptions.DefaultMin,
    int AvgChunk = ChunkingOptions.DefaultAvg,
    int MaxChunk = ChunkingOptions.DefaultMax)
{
    /// <summary>How many earlier content versions of each file keep their chunk lists (for "known base" delta sync).</summary>
    public int RetainedVersionsPerFile { get; init; } = 3;

    /// <summary>
    /// Unreferenced contents younger than this are not collected. Zero is safe for a single node (the node
    /// never collects while its own uploads run); PostgreSQL nodes sharing a database need a margin for the
    /// uploads of the others.
    /// </summary>
    public TimeSpan CollectionGracePeriod { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// SQLite only: keep chunk bytes as BLOBs inside the database file instead of pack files beside it
    /// (one file to copy, but every byte goes through the WAL twice). PostgreSQL always uses the database.
    /// </summary>
    public bool ChunkBytesInDatabase { get; init; }

    /// <summary>
    /// The server id the node must have (<c>filesync.node.server-id</c>); null: generated once and kept in the
    /// database. A data directory that already belongs to another id refuses to open: versions and histories
    /// name their server, so a node's id never changes under its data.
    /// </summary>
    public Guid? ServerId { get; init; }

    public ChunkingOptions Chunking => new(MinChunk, AvgChunk, MaxChunk);
}
