using System.Data.Common;
using System.Globalization;
using FileSync.Storage.Content;
using FileSync.Storage.Files;

namespace FileSync.Storage.Database;

/// <summary>
/// SQL over file systems, file rows, retained versions and configuration documents. Reads run anywhere;
/// the <c>Commit…</c> methods are called only by a file system's single writer (its FileSystemActor), which
/// is what makes ETags and versions strictly increasing without races inside the node. In PostgreSQL the
/// file system row is also locked (<c>FOR UPDATE</c>) so nodes sharing the database cannot interleave.
/// </summary>
internal sealed class FileCatalog(StorageDatabase db, Guid serverId, int retainedVersions)
{
    public Guid ServerId => serverId;

    // ---- node identity

    /// <summary>The stored server id; the first open stores <paramref name="configured"/> (or a new one).</summary>
    /// <exception cref="InvalidOperationException">The database already belongs to a different configured id.</exception>
    public static async Task<Guid> LoadOrCreateServerIdAsync(StorageDatabase db, Guid? configured, CancellationToken ct)
    {
        using var _ = await db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecAsync("INSERT INTO storage_node(key, value) VALUES ('server-id', @v) ON CONFLICT (key) DO NOTHING",
            null, ct, ("@v", (configured ?? Guid.NewGuid()).ToString())).ConfigureAwait(false);
        var text = (string)(await connection.ScalarAsync("SELECT value FROM storage_node WHERE key = 'server-id'", null, ct).ConfigureAwait(false))!;
        var stored = Guid.Parse(text);
        if (configured is { } wanted && wanted != stored)
            throw new InvalidOperationException(
                $"filesync.node.server-id is {wanted} but this node's data already belongs to server {stored}; " +
                "a server id cannot change under its data (remove the setting, set it to the stored id, or use a fresh data-dir).");
        return stored;
    }

    // ---- file systems and configuration

    public async Task<IReadOnlyList<string>> ListFileSystemsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.Command("SELECT name FROM storage_file_systems ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var names = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) names.Add(reader.GetString(0));
        return names;
    }

    public async Task<bool> CreateFileSystemAsync(string fs, CancellationToken ct)
    {
        using var _ = await db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var inserted = await connection.ExecAsync(
            "INSERT INTO storage_file_systems(name, created_at) VALUES (@n, @t) ON CONFLICT (name) DO NOTHING", null, ct,
            ("@n", fs), ("@t", Sql.UnixMs(DateTimeOffset.UtcNow))).ConfigureAwait(false);
        return inserted == 1;
    }

    public async Task<bool> FileSystemExistsAsync(string fs, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ScalarAsync("SELECT 1 FROM storage_file_systems WHERE name = @n", null, ct, ("@n", fs)).ConfigureAwait(false) is not null;
    }

    public async Task EnsureFileSystemAsync(string fs, CancellationToken ct)
    {
        if (!await FileSystemExistsAsync(fs, ct).ConfigureAwait(false)) throw new FileSystemNotFoundException(fs);
    }

    public async Task<string?> GetConfigAsync(string fs, string key, CancellationToken ct)
    {
        await EnsureFileSystemAsync(fs, ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return (string?)await connection.ScalarAsync("SELECT json FROM storage_configs WHERE fs = @fs AND key = @k", null, ct, ("@fs", fs), ("@k", key)).ConfigureAwait(false);
    }

    public async Task SetConfigAsync(string fs, string key, string json, CancellationToken ct)
    {
        await EnsureFileSystemAsync(fs, ct).ConfigureAwait(false);
        using var _ = await db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecAsync("INSERT INTO storage_configs(fs, key, json) VALUES (@fs, @k, @j) ON CONFLICT (fs, key) DO UPDATE SET json = excluded.json",
            null, ct, ("@fs", fs), ("@k", key), ("@j", json)).ConfigureAwait(false);
    }

    public async Task<bool> DeleteConfigAsync(string fs, string key, CancellationToken ct)
    {
        await EnsureFileSystemAsync(fs, ct).ConfigureAwait(false);
        using var _ = await db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecAsync("DELETE FROM storage_configs WHERE fs = @fs AND key = @k", null, ct, ("@fs", fs), ("@k", key)).ConfigureAwait(false) > 0;
    }

    // ---- reading files

    public async Task<FileRow?> GetRowAsync(string fs, string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await GetRowAsync(connection, null, fs, name, ct).ConfigureAwait(false);
    }

    private static async Task<FileRow?> GetRowAsync(DbConnection connection, DbTransaction? tx, string fs, string name, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {FileRow.Columns} FROM storage_files WHERE fs = @fs AND name = @n", tx, ("@fs", fs), ("@n", name));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? FileRow.Read(reader) : null;
    }

    /// <summary>How many live (not deleted) files the file system holds and their total size, in one query.</summary>
    public async Task<FileSystemStats> CountLiveAsync(string fs, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.Command("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM storage_files WHERE fs = @fs AND deleted = 0", null, ("@fs", fs));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return new FileSystemStats(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    public Task<List<FileRow>> ListLiveAsync(string fs, int start, int pageSize, CancellationToken ct) =>
        QueryRowsAsync($"SELECT {FileRow.Columns} FROM storage_files WHERE fs = @fs AND deleted = 0 ORDER BY name LIMIT @take OFFSET @skip",
            ct, ("@fs", fs), ("@take", (long)pageSize), ("@skip", (long)start));

    public Task<List<FileRow>> ListChangesAsync(string fs, long afterEtag, int limit, CancellationToken ct) =>
        QueryRowsAsync($"SELECT {FileRow.Columns} FROM storage_files WHERE fs = @fs AND etag > @e ORDER BY etag LIMIT @take",
            ct, ("@fs", fs), ("@e", afterEtag), ("@take", (long)limit));

    private async Task<List<FileRow>> QueryRowsAsync(string sql, CancellationToken ct, params (string, object?)[] args)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.Command(sql, null, args);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<FileRow>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add(FileRow.Read(reader));
        return rows;
    }

    /// <summary>The content of a retained earlier version of a file, or null when it is no longer kept.</summary>
    public async Task<long?> GetRetainedContentAsync(string fs, string name, long version, Guid versionServer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var value = await connection.ScalarAsync(
            "SELECT content_id FROM storage_file_versions WHERE fs = @fs AND name = @n AND version = @v AND server_id = @s", null, ct,
            ("@fs", fs), ("@n", name), ("@v", version), ("@s", versionServer.ToString())).ConfigureAwait(false);
        return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    // ---- commits (single writer per file system)

    /// <summary>A new local version with new content (PUT).</summary>
    public Task<FileRow> CommitContentAsync(string fs, string name, StoredContent content, IReadOnlyDictionary<string, string> userMetadata, CancellationToken ct) =>
        CommitAsync(fs, async c =>
        {
            var existing = await GetRowAsync(c.Connection, c.Tx, fs, name, ct).ConfigureAwait(false);
            var version = NextLocalVersion(c, existing);
            var row = new FileRow(fs, name, c.NextEtag(), content.Id, false, null, content.Size, content.ContentHash,
                WithVersion(userMetadata, version), existing is { Deleted: false } ? existing.CreatedAt : c.Now, c.Now);
            await WriteRowAsync(c, row, ct).ConfigureAwait(false);
            await RetainVersionAsync(c, row, version, ct).ConfigureAwait(false);
            return row;
        }, ct);

    /// <summary>New user metadata for a live file (metadata POST).</summary>
    public Task<FileRow> CommitMetadataAsync(string fs, string name, IReadOnlyDictionary<string, string> userMetadata, CancellationToken ct) =>
        CommitAsync(fs, async c =>
        {
            var existing = await GetLiveAsync(c, fs, name, ct).ConfigureAwait(false);
            var version = NextLocalVersion(c, existing);
            var row = existing with { Etag = c.NextEtag(), Metadata = WithVersion(userMetadata, version), LastModified = c.Now };
            await WriteRowAsync(c, row, ct).ConfigureAwait(false);
            await RetainVersionAsync(c, row, version, ct).ConfigureAwait(false);
            return row;
        }, ct);

    /// <summary>Turns a live file into a delete tombstone; null when there is no live file.</summary>
    public Task<FileRow?> CommitDeleteAsync(string fs, string name, CancellationToken ct) =>
        CommitAsync(fs, async c =>
        {
            var existing = await GetRowAsync(c.Connection, c.Tx, fs, name, ct).ConfigureAwait(false);
            if (existing is null || existing.Deleted) return null;
            var version = NextLocalVersion(c, existing);
            var metadata = new Dictionary<string, string>(existing.Metadata, StringComparer.OrdinalIgnoreCase);
            version.WriteTo(metadata);
            var row = Tombstone(existing, c.NextEtag(), null, metadata, c.Now);
            await WriteRowAsync(c, row, ct).ConfigureAwait(false);
            return (FileRow?)row;
        }, ct);

    /// <summary>
    /// Moves a live file to <paramref name="newName"/>: the old name becomes a rename tombstone (ETag N), the
    /// new name the same content and version (ETag N+1). No bytes move; retained versions follow the file.
    /// </summary>
    public Task<FileRow> CommitRenameAsync(string fs, string name, string newName, CancellationToken ct) =>
        CommitAsync(fs, async c =>
        {
            var existing = await GetLiveAsync(c, fs, name, ct).ConfigureAwait(false);
            if (name == newName) return existing;
            var target = await GetRowAsync(c.Connection, c.Tx, fs, newName, ct).ConfigureAwait(false);
            if (target is { Deleted: false }) throw new FileAlreadyExistsException(fs, newName);
            await WriteRowAsync(c, Tombstone(existing, c.NextEtag(), newName, existing.Metadata, c.Now), ct).ConfigureAwait(false);
            var moved = existing with { Name = newName, Etag = c.NextEtag(), LastModified = c.Now };
            await WriteRowAsync(c, moved, ct).ConfigureAwait(false);
            await c.Connection.ExecAsync("DELETE FROM storage_file_versions WHERE fs = @fs AND name = @to", c.Tx, ct, ("@fs", fs), ("@to", newName)).ConfigureAwait(false);
            await c.Connection.ExecAsync("UPDATE storage_file_versions SET name = @to WHERE fs = @fs AND name = @from", c.Tx, ct,
                ("@fs", fs), ("@to", newName), ("@from", name)).ConfigureAwait(false);
            return moved;
        }, ct);

    /// <summary>
    /// A version made on another server: <paramref name="metadata"/> carries its Raven-Synchronization-*
    /// keys, stored as given. With <paramref name="content"/> null only the metadata changes (the file must be live).
    /// </summary>
    public Task<FileRow> CommitRemoteAsync(string fs, string name, StoredContent? content, IReadOnlyDictionary<string, string> metadata, CancellationToken ct) =>
        CommitAsync(fs, async c =>
        {
            var version = SynchronizationVersion.FromMetadata(metadata)
                ?? throw new ArgumentException($"A version received from another server needs the {MetadataKeys.SynchronizationVersion} and {MetadataKeys.SynchronizationSource} metadata keys.", nameof(metadata));
            var kept = new Dictionary<string, string>(metadata.Where(p => !string.Equals(p.Key, MetadataKeys.ContentHash, StringComparison.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase);
            FileRow row;
            if (content is null)
            {
                var existing = await GetLiveAsync(c, fs, name, ct).ConfigureAwait(false);
                row = existing with { Etag = c.NextEtag(), Metadata = kept, LastModified = c.Now };
            }
            else
            {
                var existing = await GetRowAsync(c.Connection, c.Tx, fs, name, ct).ConfigureAwait(false);
                row = new FileRow(fs, name, c.NextEtag(), content.Id, false, null, content.Size, content.ContentHash, kept,
                    existing is { Deleted: false } ? existing.CreatedAt : c.Now, c.Now);
            }
            await WriteRowAsync(c, row, ct).ConfigureAwait(false);
            await RetainVersionAsync(c, row, version, ct).ConfigureAwait(false);
            return row;
        }, ct);

    /// <summary>A delete made on another server: a tombstone carrying that server's synchronization metadata.</summary>
    public Task<FileRow> CommitRemoteDeleteAsync(string fs, string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct) =>
        CommitAsync(fs, async c =>
        {
            _ = SynchronizationVersion.FromMetadata(metadata)
                ?? throw new ArgumentException($"A delete received from another server needs the {MetadataKeys.SynchronizationVersion} and {MetadataKeys.SynchronizationSource} metadata keys.", nameof(metadata));
            var existing = await GetRowAsync(c.Connection, c.Tx, fs, name, ct).ConfigureAwait(false);
            var basis = existing ?? new FileRow(fs, name, 0, null, true, null, 0, "", [], c.Now, c.Now);
            var row = Tombstone(basis, c.NextEtag(), null, new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase), c.Now);
            await WriteRowAsync(c, row, ct).ConfigureAwait(false);
            return row;
        }, ct);

    private SynchronizationVersion NextLocalVersion(CommitContext c, FileRow? existing)
    {
        var number = c.NextVersion();
        return existing?.Version is { } previous
            ? previous.Next(number, serverId)
            : new SynchronizationVersion(number, serverId, []);
    }

    private static Dictionary<string, string> WithVersion(IReadOnlyDictionary<string, string> userMetadata, SynchronizationVersion version)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in userMetadata)
            if (!MetadataKeys.IsStoreMaintained(key)) metadata[key] = value;
        version.WriteTo(metadata);
        return metadata;
    }

    private static FileRow Tombstone(FileRow basis, long etag, string? renamedTo, Dictionary<string, string> metadata, DateTimeOffset now) =>
        basis with { Etag = etag, ContentId = null, Deleted = true, RenamedTo = renamedTo, Size = 0, ContentHash = "", Metadata = metadata, LastModified = now };

    private static async Task<FileRow> GetLiveAsync(CommitContext c, string fs, string name, CancellationToken ct)
    {
        var existing = await GetRowAsync(c.Connection, c.Tx, fs, name, ct).ConfigureAwait(false);
        return existing is { Deleted: false } ? existing : throw new StoredFileNotFoundException(fs, name);
    }

    private static Task<int> WriteRowAsync(CommitContext c, FileRow row, CancellationToken ct) =>
        c.Connection.ExecAsync($"""
            INSERT INTO storage_files({FileRow.Columns}) VALUES (@fs, @n, @e, @c, @d, @r, @s, @h, @m, @ct, @lm)
            ON CONFLICT (fs, name) DO UPDATE SET etag = excluded.etag, content_id = excluded.content_id, deleted = excluded.deleted,
                renamed_to = excluded.renamed_to, size = excluded.size, content_hash = excluded.content_hash, metadata = excluded.metadata,
                created_at = excluded.created_at, last_modified = excluded.last_modified
            """, c.Tx, ct,
            ("@fs", row.FileSystem), ("@n", row.Name), ("@e", row.Etag), ("@c", row.ContentId), ("@d", row.Deleted ? 1L : 0L),
            ("@r", row.RenamedTo), ("@s", row.Size), ("@h", row.ContentHash), ("@m", MetadataJson.Format(row.Metadata)),
            ("@ct", Sql.UnixMs(row.CreatedAt)), ("@lm", Sql.UnixMs(row.LastModified)));

    /// <summary>Remembers which content a version had (for delta sync against a known base) and forgets the oldest beyond the limit.</summary>
    private async Task RetainVersionAsync(CommitContext c, FileRow row, SynchronizationVersion version, CancellationToken ct)
    {
        await c.Connection.ExecAsync("""
            INSERT INTO storage_file_versions(fs, name, version, server_id, etag, content_id) VALUES (@fs, @n, @v, @s, @e, @c)
            ON CONFLICT (fs, name, version, server_id) DO UPDATE SET etag = excluded.etag, content_id = excluded.content_id
            """, c.Tx, ct, ("@fs", row.FileSystem), ("@n", row.Name), ("@v", version.Version), ("@s", version.ServerId.ToString()),
            ("@e", row.Etag), ("@c", row.ContentId)).ConfigureAwait(false);
        await c.Connection.ExecAsync("""
            DELETE FROM storage_file_versions WHERE fs = @fs AND name = @n AND etag < (
                SELECT MIN(etag) FROM (SELECT etag FROM storage_file_versions WHERE fs = @fs AND name = @n ORDER BY etag DESC LIMIT @k) AS newest)
            """, c.Tx, ct, ("@fs", row.FileSystem), ("@n", row.Name), ("@k", (long)retainedVersions)).ConfigureAwait(false);
    }

    private async Task<T> CommitAsync<T>(string fs, Func<CommitContext, Task<T>> body, CancellationToken ct)
    {
        using var _ = await db.EnterWriteAsync(ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        CommitContext context;
        await using (var command = connection.Command("SELECT last_etag, last_version FROM storage_file_systems WHERE name = @n" + db.ForUpdate, tx, ("@n", fs)))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false)) throw new FileSystemNotFoundException(fs);
            context = new CommitContext(connection, tx, reader.GetInt64(0), reader.GetInt64(1), DateTimeOffset.UtcNow);
        }
        var result = await body(context).ConfigureAwait(false);
        await connection.ExecAsync("UPDATE storage_file_systems SET last_etag = @e, last_version = @v WHERE name = @n", tx, ct,
            ("@e", context.LastEtag), ("@v", context.LastVersion), ("@n", fs)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    private sealed class CommitContext(DbConnection connection, DbTransaction tx, long lastEtag, long lastVersion, DateTimeOffset now)
    {
        public DbConnection Connection => connection;
        public DbTransaction Tx => tx;
        public DateTimeOffset Now { get; } = now;
        public long LastEtag { get; private set; } = lastEtag;
        public long LastVersion { get; private set; } = lastVersion;
        public long NextEtag() => ++LastEtag;
        public long NextVersion() => ++LastVersion;
    }
}
