using System.Data.Common;
using FileSync.Storage.Chunking;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FileSync.Storage.Database;

/// <summary>
/// The embedded default: one SQLite file in WAL mode holding metadata and the chunk index; chunk bytes go
/// to pack files (see <see cref="Content.PackFiles"/>), or into BLOBs for chunks stored without a pack.
/// Durability: <c>synchronous=FULL</c>, so a committed transaction is fsynced to the WAL before the commit
/// returns. Chunk batches are written with <c>synchronous=NORMAL</c> (no fsync of their own) and become
/// durable with the fsync of the version commit that follows them in the same sequential WAL; a version
/// row therefore never becomes durable or visible without the chunks it lists.
/// </summary>
internal sealed class SqliteStorageDatabase : StorageDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteStorageDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = 60,
        };
        _connectionString = builder.ToString();
    }

    public static string DefaultConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "filesync.db") }.ToString();

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string ForUpdate => "";

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        Configure(connection);
        return connection;
    }

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // A 4 MiB page cache per connection (default 2 MiB): a large upload's random-key index inserts otherwise
        // re-read more index pages from the OS; 16 MiB, times the pooled connections, measured up to ~30 MB more
        // peak RSS while streaming a 1 GiB file, against the node's 200 MB memory budget.
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000; PRAGMA cache_size=-4096;";
        command.ExecuteNonQuery();
    }

    public override Task DeferDurabilityAsync(DbConnection connection, CancellationToken ct) =>
        connection.ExecAsync("PRAGMA synchronous=NORMAL;", null, ct);

    public override async ValueTask<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct).ConfigureAwait(false);
        return new Release(_writer);
    }

    public override async Task CreateSchemaAsync(bool chunkBytesInRows, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecAsync("PRAGMA journal_mode=WAL;", null, ct).ConfigureAwait(false);
        await RejectPerChunkListsAsync(connection,
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'storage_content_chunks'", ct).ConfigureAwait(false);
        var ddl = SchemaTemplate.Replace("{BLOB}", "BLOB").Replace("{INT}", "INTEGER").Replace("{ID}", "INTEGER PRIMARY KEY")
            .Replace("{CLUSTERED}", chunkBytesInRows ? "" : " WITHOUT ROWID");
        await connection.ExecAsync(ddl, null, ct).ConfigureAwait(false);
        // Left by schemas before collection found used packs with one scan.
        await connection.ExecAsync("DROP INDEX IF EXISTS storage_chunks_by_pack;", null, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The listed hashes go into a temporary table keyed by hash (SQLite keeps it in its temp store, which
    /// spills to disk), so a node with millions of chunks does not need them all in managed memory.
    /// </summary>
    public override async Task<int> DeleteUnlistedChunksAsync(DbConnection connection, DbTransaction tx, long cutoff, CancellationToken ct)
    {
        await connection.ExecAsync("DROP TABLE IF EXISTS temp.listed_hashes; CREATE TEMP TABLE listed_hashes(hash BLOB PRIMARY KEY) WITHOUT ROWID",
            tx, ct).ConfigureAwait(false);
        try
        {
            await using (var insert = connection.Command("INSERT OR IGNORE INTO temp.listed_hashes(hash) VALUES (@h)", tx))
            await using (var lists = connection.Command("SELECT entries FROM storage_chunk_lists", tx))
            await using (var reader = await lists.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                var h = insert.Add("@h", null);
                var hashes = new List<ChunkHash>(Content.ChunkListRows.MaxEntries);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    hashes.Clear();
                    Content.ChunkListRows.UnpackHashes((byte[])reader.GetValue(0), hashes);
                    foreach (var hash in hashes)
                    {
                        h.Value = hash.ToBytes();
                        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                }
            }
            return await connection.ExecAsync(
                "DELETE FROM storage_chunks WHERE stored_at <= @cutoff AND hash NOT IN (SELECT hash FROM temp.listed_hashes)",
                tx, ct, ("@cutoff", cutoff)).ConfigureAwait(false);
        }
        finally
        {
            // IF EXISTS: after a failed statement the transaction may already have undone the CREATE.
            await connection.ExecAsync("DROP TABLE IF EXISTS temp.listed_hashes", tx, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One statement prepared once per batch and stepped per chunk through SQLite's own API: through
    /// Microsoft.Data.Sqlite each row cost a parameter-by-name lookup and a managed binding pass per value,
    /// more than SQLite's insert itself. Keys go in sorted order, so consecutive inserts land in nearby index
    /// pages (the hash key is random). The raw statement runs inside the connection's open transaction.
    /// </summary>
    public override Task InsertChunksAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ChunkData> chunks, CancellationToken ct)
    {
        if (chunks.Count == 0) return Task.CompletedTask;
        ct.ThrowIfCancellationRequested();
        var handle = ((SqliteConnection)connection).Handle
            ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var sorted = chunks.ToArray();
        Array.Sort(sorted, static (a, b) => KeyOrder(a.Hash, b.Hash));
        Check(raw.sqlite3_prepare_v2(handle,
            "INSERT INTO storage_chunks(hash, length, stored_at, data, pack_id, pack_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(hash) DO NOTHING",
            out var statement), handle);
        using (statement)
        {
            var now = Sql.UnixMs(DateTimeOffset.UtcNow);
            Span<byte> key = stackalloc byte[ChunkHash.Size];
            foreach (var chunk in sorted)
            {
                chunk.Hash.WriteTo(key);
                Check(raw.sqlite3_bind_blob(statement, 1, key), handle);
                Check(raw.sqlite3_bind_int64(statement, 2, chunk.Length), handle);
                Check(raw.sqlite3_bind_int64(statement, 3, now), handle);
                // Chunks already written to a pack file are indexed only; others keep their bytes in the row.
                if (chunk.PackId is { } packId)
                {
                    Check(raw.sqlite3_bind_null(statement, 4), handle);
                    Check(raw.sqlite3_bind_int64(statement, 5, packId), handle);
                }
                else
                {
                    Check(raw.sqlite3_bind_blob(statement, 4, chunk.Data.Span), handle);
                    Check(raw.sqlite3_bind_null(statement, 5), handle);
                }
                Check(raw.sqlite3_bind_int64(statement, 6, chunk.PackOffset), handle);
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE) Check(step, handle);
                Check(raw.sqlite3_reset(statement), handle);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The order of the keys' bytes (a hash is stored big-endian, so word by word is byte by byte).</summary>
    private static int KeyOrder(ChunkHash a, ChunkHash b)
    {
        var c = a.P0.CompareTo(b.P0);
        if (c == 0) c = a.P1.CompareTo(b.P1);
        if (c == 0) c = a.P2.CompareTo(b.P2);
        return c != 0 ? c : a.P3.CompareTo(b.P3);
    }

    private static void Check(int resultCode, sqlite3 handle) => SqliteException.ThrowExceptionForRC(resultCode, handle);

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and its WAL un-checkpointed); release them with the node.
        SqliteConnection.ClearAllPools();
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}
