namespace FileSync.Storage.Files;

/// <summary>
/// What the HTTP facade, the client-facing services and (later) synchronization need from a node's
/// file systems. One implementation per node; behind it every file system has a single writer
/// (its FileSystemActor), which assigns ETags and versions. Names passed in are already normalized
/// with <see cref="FileName.Normalize"/>; implementations normalize again and never trust them.
/// </summary>
/// <remarks>
/// Errors: <see cref="FileSystemNotFoundException"/> for an unknown file system,
/// <see cref="StoredFileNotFoundException"/> for an unknown (or deleted) file where one is required,
/// <see cref="InvalidFileNameException"/> for a bad name.
/// </remarks>
public interface IFileSystems
{
    Task<IReadOnlyList<string>> ListFileSystemsAsync(CancellationToken ct = default);

    /// <summary>Creates the file system; returns false when it already existed.</summary>
    Task<bool> CreateFileSystemAsync(string fileSystem, CancellationToken ct = default);

    Task<bool> FileSystemExistsAsync(string fileSystem, CancellationToken ct = default);

    /// <summary>The current version of a file, or null when it does not exist or is deleted.</summary>
    Task<StoredFile?> GetFileAsync(string fileSystem, string name, CancellationToken ct = default);

    /// <summary>Live files (no tombstones) ordered by name.</summary>
    Task<IReadOnlyList<StoredFile>> ListFilesAsync(string fileSystem, int start, int pageSize, CancellationToken ct = default);

    /// <summary>File count and total size of the live files, counted by the database (not by paging).</summary>
    Task<FileSystemStats> GetStatsAsync(string fileSystem, CancellationToken ct = default);

    /// <summary>
    /// Stores a new version from a stream (any size, never held whole in memory). The version becomes
    /// visible only once all its chunks and its metadata are durable. <paramref name="metadata"/> is the
    /// user metadata; the Raven-* synchronization keys are maintained by the store.
    /// </summary>
    Task<StoredFile> PutFileAsync(string fileSystem, string name, Stream content,
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default);

    /// <summary>Replaces the user metadata of an existing file (new ETag and synchronization version).</summary>
    Task<StoredFile> UpdateMetadataAsync(string fileSystem, string name,
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default);

    /// <summary>Renames; the old name leaves a rename tombstone. Throws when the target exists.</summary>
    Task<StoredFile> RenameFileAsync(string fileSystem, string name, string newName, CancellationToken ct = default);

    /// <summary>Deletes, leaving a tombstone; returns false when there was no such file.</summary>
    Task<bool> DeleteFileAsync(string fileSystem, string name, CancellationToken ct = default);

    /// <summary>Opens the content of exactly that version for reading from <paramref name="offset"/>.</summary>
    Stream OpenRead(StoredFile file, long offset = 0);

    /// <summary>Named configuration documents per file system (e.g. "Raven/Synchronization/Destinations"); JSON text.</summary>
    Task<string?> GetConfigAsync(string fileSystem, string key, CancellationToken ct = default);
    Task SetConfigAsync(string fileSystem, string key, string json, CancellationToken ct = default);
    Task<bool> DeleteConfigAsync(string fileSystem, string key, CancellationToken ct = default);
}

/// <summary>One version of a file as the store holds it.</summary>
/// <param name="Etag">Strictly increasing per file system; <see cref="Etags.Format"/> gives the RavenFS string.</param>
/// <param name="ContentHash">Hex BLAKE3 of the whole content (exposed as the node's content-hash header).</param>
/// <param name="Metadata">User metadata plus the store-maintained Raven-Synchronization-* keys.</param>
public sealed record StoredFile(
    string FileSystem,
    string Name,
    long Etag,
    long Size,
    string ContentHash,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastModified)
{
    /// <summary>
    /// The store's id of this version's content (its chunk list); 0 when unknown, in which case
    /// <see cref="IFileSystems.OpenRead"/> reads the file's current content.
    /// </summary>
    public long ContentId { get; init; }
}

public sealed class FileSystemNotFoundException(string fileSystem)
    : KeyNotFoundException($"File system '{fileSystem}' does not exist.")
{
    public string FileSystem { get; } = fileSystem;
}

public sealed class StoredFileNotFoundException(string fileSystem, string name)
    : KeyNotFoundException($"File '{name}' does not exist in file system '{fileSystem}'.")
{
    public string FileSystem { get; } = fileSystem;
    public string Name { get; } = name;
}

public sealed class FileAlreadyExistsException(string fileSystem, string name)
    : InvalidOperationException($"File '{name}' already exists in file system '{fileSystem}'.");

/// <summary>RavenFS ETag strings: a 128-bit value printed as 00000000-0000-0001-0000-00000000000N.</summary>
public static class Etags
{
    /// <summary>Formats a per-file-system counter; the "0001" block marks an ETag of file (not document) kind, as RavenFS did.</summary>
    public static string Format(long etag) =>
        $"00000000-0000-0001-{(etag >> 48) & 0xFFFF:X4}-{etag & 0xFFFFFFFFFFFF:X12}";

    public static bool TryParse(string? text, out long etag)
    {
        etag = 0;
        if (text is null) return false;
        var t = text.Trim('"');
        var parts = t.Split('-');
        if (parts.Length != 5 || parts[3].Length != 4 || parts[4].Length != 12) return false;
        if (!long.TryParse(parts[3], System.Globalization.NumberStyles.HexNumber, null, out var high)) return false;
        if (!long.TryParse(parts[4], System.Globalization.NumberStyles.HexNumber, null, out var low)) return false;
        etag = (high << 48) | low;
        return true;
    }
}
