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

    /// <param name="chunkBytesInRows">Chunk bytes will be kept in <c>storage_chunks.data</c> (no pack files): rows up to 64 KiB.</param>
    public abstract Task CreateSchemaAsync(bool chunkBytesInRows, CancellationToken ct);

    /// <summary>
    /// For writes that need not be durable on their own because a later durable commit covers them (chunk
    /// batches of an upload: only the version row that lists them must be). SQLite skips the per-transaction
    /// fsync; its WAL is sequential, so the fsync of the later commit makes these frames durable too.
    /// </summary>
    public virtual Task DeferDurabilityAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Deletes chunks stored at or before <paramref name="cutoff"/> (Unix ms) that no chunk list names, inside
    /// <paramref name="tx"/> (which holds <see cref="LockChunkListsAsync"/>). Chunk lists are packed blobs, so
    /// the set of listed hashes is unpacked into a temporary table first; returns the number of chunks deleted.
    /// </summary>
    public abstract Task<int> DeleteUnlistedChunksAsync(DbConnection connection, DbTransaction tx, long cutoff, CancellationToken ct);

    /// <summary>
    /// Collection's guard against uploads that reuse a chunk it is about to delete: no chunk list may be written
    /// while a collection decides (PostgreSQL: a table lock other nodes' writers wait for). A no-op for SQLite,
    /// where <see cref="EnterWriteAsync"/> already serializes all writers of the one node using the file.
    /// </summary>
    public virtual Task LockChunkListsAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// True when another node may collect chunks in this database (PostgreSQL), so a writer must re-check the
    /// chunks it reuses inside its own transaction; SQLite only needs to when this node collected meanwhile.
    /// </summary>
    public virtual bool SharedByNodes => false;

    /// <summary>Writes chunk bytes (skipping hashes already stored) inside <paramref name="tx"/>.</summary>
    public abstract Task InsertChunksAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ChunkData> chunks, CancellationToken ct);

    /// <summary>
    /// Schemas before packed chunk lists kept one row per chunk in <c>storage_content_chunks</c>. Their data is
    /// not converted: an empty old table is dropped; one holding lists stops the node with a clear error.
    /// </summary>
    protected static async Task RejectPerChunkListsAsync(DbConnection connection, string tableExistsSql, CancellationToken ct)
    {
        if (await connection.ScalarAsync(tableExistsSql, null, ct).ConfigureAwait(false) is null) return;
        if (await connection.ScalarAsync("SELECT 1 FROM storage_content_chunks LIMIT 1", null, ct).ConfigureAwait(false) is not null)
            throw new InvalidOperationException(
                "The database was created by an older FileSync version that stored chunk lists one row per chunk (table storage_content_chunks); " +
                "this version does not convert them. Start the node with an empty data directory (or database).");
        await connection.ExecAsync("DROP TABLE storage_content_chunks", null, ct).ConfigureAwait(false);
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// The schema with dialect tokens: {BLOB} binary, {INT} 64-bit integer, {ID} auto-numbered key, {CLUSTERED}
    /// after the chunk table. With pack files, SQLite keeps chunk index rows in the hash key's B-tree
    /// (WITHOUT ROWID): one B-tree walk per lookup instead of two (a 1 GiB GET measured ~0.76× of a bare
    /// Kestrel server instead of ~0.6×, docs/storage.md). With chunk bytes in the rows (BLOB mode) it stays a rowid
    /// table: WITHOUT ROWID measured ~3x the upload CPU there. A database keeps the form it was created with.
    /// Chunks carry no index by pack: collection finds the packs still used with one scan of the chunks.
    /// Chunk lists are packed runs (<see cref="Content.ChunkListRows"/>), keyed by where each run starts.
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
            pack_offset {INT}){CLUSTERED};
        CREATE TABLE IF NOT EXISTS storage_packs (
            id {ID},
            created_at {INT} NOT NULL);
        CREATE TABLE IF NOT EXISTS storage_contents (
            id {ID},
            size {INT} NOT NULL DEFAULT 0,
            content_hash TEXT,
            complete {INT} NOT NULL DEFAULT 0,
            created_at {INT} NOT NULL);
        CREATE TABLE IF NOT EXISTS storage_chunk_lists (
            content_id {INT} NOT NULL REFERENCES storage_contents(id) ON DELETE CASCADE,
            start_offset {INT} NOT NULL,
            entries {BLOB} NOT NULL,
            locations {BLOB},
            PRIMARY KEY (content_id, start_offset));
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
/// may be a slice of an upload's read buffer: valid until the batch that carries them is stored (in pack mode,
/// until they are written to the pack: staged batches drop them).
/// </summary>
internal readonly record struct ChunkData(Chunking.ChunkHash Hash, ReadOnlyMemory<byte> Data, long? PackId = null, long PackOffset = 0)
{
    /// <summary>The chunk's length; kept when the bytes are let go after they were written to a pack.</summary>
    public int Length { get; init; } = Data.Length;

    /// <summary>The bytes as an array of their own (a parameter value), copying only a slice.</summary>
    public byte[] DataArray() =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(Data, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : Data.ToArray();
}
