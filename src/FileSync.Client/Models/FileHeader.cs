namespace FileSync.Client;

/// <summary>One file as a listing shows it (RavenFS shape).</summary>
public sealed record FileHeader
{
    public string Name { get; init; } = "";
    public string FullPath { get; init; } = "";
    public long? TotalSize { get; init; }
    public long UploadedSize { get; init; }
    public string Etag { get; init; } = "";
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset LastModified { get; init; }
}
