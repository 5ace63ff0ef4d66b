using System.Data.Common;
using System.Text.Json;
using FileSync.Storage.Files;

namespace FileSync.Storage.Database;

/// <summary>One row of storage_files: the latest state of a name (live file or tombstone).</summary>
internal sealed record FileRow(
    string FileSystem,
    string Name,
    long Etag,
    long? ContentId,
    bool Deleted,
    string? RenamedTo,
    long Size,
    string ContentHash,
    Dictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastModified)
{
    public const string Columns = "fs, name, etag, content_id, deleted, renamed_to, size, content_hash, metadata, created_at, last_modified";

    public SynchronizationVersion? Version => SynchronizationVersion.FromMetadata(Metadata);

    public static FileRow Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt64(2),
        r.IsDBNull(3) ? null : r.GetInt64(3),
        r.GetInt64(4) != 0,
        r.IsDBNull(5) ? null : r.GetString(5),
        r.GetInt64(6), r.GetString(7), MetadataJson.Parse(r.GetString(8)),
        Sql.FromUnixMs(r.GetInt64(9)), Sql.FromUnixMs(r.GetInt64(10)));

    public StoredFile ToStoredFile()
    {
        var metadata = new Dictionary<string, string>(Metadata, StringComparer.OrdinalIgnoreCase)
        {
            [MetadataKeys.ContentHash] = ContentHash,
        };
        return new StoredFile(FileSystem, Name, Etag, Size, ContentHash, metadata, CreatedAt, LastModified) { ContentId = ContentId ?? 0 };
    }

    public FileChange ToChange() =>
        new(FileSystem, Name, Etag, Deleted, RenamedTo, Size, ContentHash, ContentId ?? 0, ToStoredFile().Metadata, LastModified);
}

internal static class MetadataJson
{
    public static Dictionary<string, string> Parse(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.OrdinalIgnoreCase);

    public static string Format(IReadOnlyDictionary<string, string> metadata) =>
        JsonSerializer.Serialize(metadata.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value));
}
