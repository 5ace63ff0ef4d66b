using System.Data.Common;
using FileSync.Storage.Chunking;
using Microsoft.Data.Sqlite;

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
        // A 16 MiB page cache per connection (default 2 MiB): a large upload's random-key index inserts otherwise
        // re-read most index pages from the OS for every batch; larger caches, times the pooled connections, crowd
        // the node's 200 MB memory budget for streaming a 1 GiB file.
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000; PRAGMA cache_size=-16384;";
        command.ExecuteNonQuery();
    }

    public override Task DeferDurabilityAsync(DbConnection connection, CancellationToken ct) =>
        connection.ExecAsync("PRAGMA synchronous=NORMAL;", null, ct);

    public override async ValueTask<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct).ConfigureAwait(false);
        return new Release(_writer);
    }

    /// <summary>
    /// SQLite keeps no index of chunk lists by hash: it would cost a random-key B-tree insert (and its WAL
    /// pages) for every chunk of every upload, only to serve collection. Collection instead builds the set
    /// of listed hashes once per pass (SQLite materializes the uncorrelated subquery) and probes it per chunk.
    /// </summary>
    public override string UnreferencedChunkCondition => "hash NOT IN (SELECT chunk_hash FROM storage_content_chunks)";

    public override async Task CreateSchemaAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecAsync("PRAGMA journal_mode=WAL;", null, ct).ConfigureAwait(false);
        var ddl = SchemaTemplate.Replace("{BLOB}", "BLOB").Replace("{INT}", "INTEGER").Replace("{ID}", "INTEGER PRIMARY KEY")
            .Replace("{CLUSTERED}", " WITHOUT ROWID");
        await connection.ExecAsync(ddl, null, ct).ConfigureAwait(false);
        // Databases created before the index was dropped (see UnreferencedChunkCondition).
        await connection.ExecAsync("DROP INDEX IF EXISTS storage_content_chunks_by_hash;", null, ct).ConfigureAwait(false);
    }

    public override async Task InsertChunksAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ChunkData> chunks, CancellationToken ct)
    {
        await using var command = connection.Command(
            "INSERT INTO storage_chunks(hash, length, stored_at, data, pack_id, pack_offset) VALUES (@h, @l, @t, @d, @p, @o) ON CONFLICT(hash) DO NOTHING", tx);
        var h = command.Add("@h", null);
        var l = command.Add("@l", null);
        var d = command.Add("@d", null);
        var p = command.Add("@p", null);
        var o = command.Add("@o", null);
        command.Add("@t", Sql.UnixMs(DateTimeOffset.UtcNow));
        foreach (var chunk in chunks)
        {
            h.Value = chunk.Hash.ToBytes();
            l.Value = (long)chunk.Data.Length;
            // Chunks already written to a pack file are indexed only; others keep their bytes in the row.
            d.Value = chunk.PackId is null ? chunk.DataArray() : DBNull.Value;
            p.Value = chunk.PackId is { } packId ? packId : DBNull.Value;
            o.Value = chunk.PackOffset;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public override async Task InsertChunkRefsAsync(DbConnection connection, DbTransaction tx, long contentId, int firstSeq,
        IReadOnlyList<ChunkRef> refs, CancellationToken ct)
    {
        await using var command = connection.Command(
            "INSERT INTO storage_content_chunks(content_id, seq, chunk_hash, start_offset, length) VALUES (@c, @s, @h, @o, @l)", tx);
        command.Add("@c", contentId);
        var s = command.Add("@s", null);
        var h = command.Add("@h", null);
        var o = command.Add("@o", null);
        var l = command.Add("@l", null);
        for (var i = 0; i < refs.Count; i++)
        {
            s.Value = (long)(firstSeq + i);
            h.Value = refs[i].Hash.ToBytes();
            o.Value = refs[i].Offset;
            l.Value = (long)refs[i].Length;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

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
