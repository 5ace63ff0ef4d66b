namespace FileSync.Sync.Incoming;

/// <summary>Who sends an incoming synchronization (the <c>FileSync-Source-*</c> headers of docs/sync-protocol.md).</summary>
public sealed record SourceInfo(Guid ServerId, string ServerUrl, string FileSystem)
{
    public const string ServerIdHeader = "FileSync-Source-Server-Id";
    public const string ServerUrlHeader = "FileSync-Source-Server-Url";
    public const string FileSystemHeader = "FileSync-Source-File-System";

    /// <summary><c>{serverUrl}/fs/{fileSystem}</c>, the way RavenFS names the other end of a synchronization.</summary>
    public string FileSystemUrl => $"{ServerUrl.TrimEnd('/')}/fs/{FileSystem}";
}
