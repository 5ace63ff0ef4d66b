using System.Data.Common;

namespace FileSync.Storage.Database;

/// <summary>
/// The one place where SQLite and PostgreSQL differ: how to connect, the schema's column types, row
/// locking, and how a batch of chunks is written fastest. Everything else is plain SQL both understand
/// (<c>ON CONFLICT</c>, <c>RETURNING</c>, <c>@name</c> parameters).
/// </summary>
internal abstract class StorageDatabase : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Appended to a SELECT that must lock the rows it reads until the transaction ends.</summary>
    public abstract string ForUpdate { get; }

    public abstract DbConnection Open();

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// Serializes write transactions where the database allows one writer only (SQLite), so writers queue
    /// here instead of spinning on "database is locked". A no-op for PostgreSQL.
    /// </summary>
    public abstract ValueTask<IDisposable> EnterWriteAsync(CancellationToken ct);

    public abstract Task CreateSchemaAsync(CancellationToken ct);

    /// <summary>
    /// For writes that need not be durable on their own because a later durable commit covers them (chunk
    /// batches of an upload: only the version row that lists them must be). SQLite skips the per-transaction
    /// fsync; its WAL is sequential, so the fsync of the later commit makes these frames durable too.
    /// </summary>
    public virtual Task DeferDurabilityAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// A condition on <c>storage_chunks</c> rows that no chunk list names (the collection's test). How it is
    /// answered fastest depends on whether chunk lists carry an index by hash (see the providers).
    /// </summary>
    public abstract string UnreferencedChunkCondition { get; }

    /// <summary>Writes chunk bytes (skipping hashes already stored) inside <paramref name="tx"/>.</summary>
    public abstract Task InsertChunksAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ChunkData> chunks, CancellationToken ct);

    /// <summary>Appends rows to a content's chunk list inside <paramref name="tx"/>.</summary>
    public abstract Task InsertChunkRefsAsync(DbConnection connection, DbTransaction tx, long contentId, int firstSeq,
        IReadOnlyList<Chunking.ChunkRef> refs, CancellationToken ct);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// The schema with dialect tokens: {BLOB} binary, {INT} 64-bit integer, {ID} auto-numbered key,
    /// {CLUSTERED} after a table whose rows should live in its primary key's B-tree (SQLite's WITHOUT ROWID:
    /// one B-tree insert less per chunk list entry).
    /// </summary>
    protected const string SchemaTemplate = """
        CREATE TABLE IF NOT EXISTS storage_node (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS storage_chunks (
            hash {BLOB} PRIMARY KEY,
            length {INT} NOT NULL,
            stored_at {INT} NOT NULL,
            data {BLOB},
            pack_id {INT},
            pack_offset {INT});
        CREATE INDEX IF NOT EXISTS storage_chunks_by_pack ON storage_chunks(pack_id);
        CREATE TABLE IF NOT EXISTS storage_packs (
            id {ID},
            created_at {INT} NOT NULL);
        CREATE TABLE IF NOT EXISTS storage_contents (
            id {ID},
            size {INT} NOT NULL DEFAULT 0,
            content_hash TEXT,
            complete {INT} NOT NULL DEFAULT 0,
            created_at {INT} NOT NULL);
        CREATE TABLE IF NOT EXISTS storage_content_chunks (
            content_id {INT} NOT NULL REFERENCES storage_contents(id) ON DELETE CASCADE,
            seq {INT} NOT NULL,
            chunk_hash {BLOB} NOT NULL REFERENCES storage_chunks(hash),
            start_offset {INT} NOT NULL,
            length {INT} NOT NULL,
            PRIMARY KEY (content_id, seq)){CLUSTERED};
        CREATE INDEX IF NOT EXISTS storage_content_chunks_by_offset ON storage_content_chunks(content_id, start_offset);
        CREATE TABLE IF NOT EXISTS storage_file_systems (
            name TEXT PRIMARY KEY,
            last_etag {INT} NOT NULL DEFAULT 0,
            last_version {INT} NOT NULL DEFAULT 0,
            created_at {INT} NOT NULL);
        CREATE TABLE IF NOT EXISTS storage_files (
            fs TEXT NOT NULL REFERENCES storage_file_systems(name),
            name TEXT NOT NULL,
            etag {INT} NOT NULL,
            content_id {INT} REFERENCES storage_contents(id),
            deleted {INT} NOT NULL DEFAULT 0,
            renamed_to TEXT,
            size {INT} NOT NULL,
            content_hash TEXT NOT NULL,
            metadata TEXT NOT NULL,
            created_at {INT} NOT NULL,
            last_modified {INT} NOT NULL,
            PRIMARY KEY (fs, name));
        CREATE UNIQUE INDEX IF NOT EXISTS storage_files_by_etag ON storage_files(fs, etag);
        CREATE INDEX IF NOT EXISTS storage_files_by_content ON storage_files(content_id);
        CREATE TABLE IF NOT EXISTS storage_file_versions (
            fs TEXT NOT NULL,
            name TEXT NOT NULL,
            version {INT} NOT NULL,
            server_id TEXT NOT NULL,
            etag {INT} NOT NULL,
            content_id {INT} REFERENCES storage_contents(id),
            PRIMARY KEY (fs, name, version, server_id));
        CREATE INDEX IF NOT EXISTS storage_file_versions_by_content ON storage_file_versions(content_id);
        CREATE TABLE IF NOT EXISTS storage_configs (
            fs TEXT NOT NULL REFERENCES storage_file_systems(name),
            key TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (fs, key));
        """;
}

/// <summary>
/// A chunk's bytes on their way into the store; with a pack location once written to a pack file. The bytes
/// may be a slice of an upload's read buffer: valid until the batch that carries them is stored.
/// </summary>
internal readonly record struct ChunkData(Chunking.ChunkHash Hash, ReadOnlyMemory<byte> Data, long? PackId = null, long PackOffset = 0)
{
    /// <summary>The bytes as an array of their own (a parameter value), copying only a slice.</summary>
    public byte[] DataArray() =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(Data, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : Data.ToArray();
}
