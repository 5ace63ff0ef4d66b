using FileSync.Storage.Files;

namespace FileSync.Server.Documents;

/// <summary>A file as listings show it (RavenFS's FileHeader).</summary>
/// <param name="Name">The last segment of the name ("Inside.RavenDB.3.0.pdf").</param>
/// <param name="FullPath">The whole normalized name ("/books/Inside.RavenDB.3.0.pdf").</param>
/// <param name="Directory">The folder part ("/books", "/" at the top).</param>
public sealed record FileHeader(
    string Name,
    string FullPath,
    string Directory,
    long TotalSize,
    long UploadedSize,
    string Etag,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreationDate,
    DateTimeOffset LastModified)
{
    public static FileHeader From(StoredFile file)
    {
        var slash = file.Name.LastIndexOf('/');
        var metadata = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in file.Metadata) metadata[key] = value;
        metadata[Http.MetadataHeaders.ContentHashHeader] = file.ContentHash;
        return new FileHeader(
            file.Name[(slash + 1)..],
            file.Name,
            slash <= 0 ? "/" : file.Name[..slash],
            file.Size,
            // Only complete versions are ever visible, so everything of a listed file is uploaded.
            file.Size,
            Etags.Format(file.Etag),
            metadata,
            file.CreatedAt,
            file.LastModified);
    }
}
