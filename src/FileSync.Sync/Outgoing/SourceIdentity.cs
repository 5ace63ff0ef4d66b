namespace FileSync.Sync.Outgoing;

/// <summary>Who is pushing: sent with every request to a destination (docs/sync-protocol.md, "Identities").</summary>
/// <param name="ServerUrl">This node's public URL (<c>filesync.node.url</c>).</param>
public sealed record SourceIdentity(Guid ServerId, string ServerUrl, string FileSystem)
{
    public const string ServerIdHeader = "FileSync-Source-Server-Id";
    public const string ServerUrlHeader = "FileSync-Source-Server-Url";
    public const string FileSystemHeader = "FileSync-Source-File-System";
}
