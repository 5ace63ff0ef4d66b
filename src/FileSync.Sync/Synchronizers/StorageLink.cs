using FileSync.Sync.Contracts;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// The node's storage link (HOCON <c>filesync.storage</c>): a local file system paired with a remote one.
/// </summary>
/// <param name="FileSystem">The local file system.</param>
/// <param name="RemoteUrl">The node holding the other side (<c>remote.url</c>).</param>
/// <param name="RemoteFileSystem">The file system on that node (<c>remote.file-system</c>).</param>
/// <param name="RemoteApiKey">Sent to the remote node as <c>Authorization: ApiKey …</c> (<c>remote.api-key</c>); null for none.</param>
/// <param name="LocalUrl">This node's public URL (<c>filesync.node.url</c>): where the remote pushes during a pull.</param>
/// <param name="LocalApiKey">A key this node accepts, handed to the remote for its pushes here during a pull; null when this node needs none.</param>
public sealed record StorageLink(
    string FileSystem,
    string RemoteUrl,
    string RemoteFileSystem,
    string? RemoteApiKey,
    string LocalUrl,
    string? LocalApiKey = null)
{
    /// <summary>The push target: the remote file system as a destination of the local one.</summary>
    public SynchronizationDestination PushTarget => new(RemoteUrl.TrimEnd('/'), RemoteFileSystem, RemoteApiKey);

    /// <summary>The body of the remote's <c>Drain</c> route during a pull: this node's file system as its destination.</summary>
    public SynchronizationDestination PullTarget => new(LocalUrl.TrimEnd('/'), FileSystem, LocalApiKey);

    public override string ToString() => $"{FileSystem} <-> {RemoteUrl.TrimEnd('/')}/fs/{RemoteFileSystem}";
}
