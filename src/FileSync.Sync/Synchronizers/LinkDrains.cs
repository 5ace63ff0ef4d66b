using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;

namespace FileSync.Sync.Synchronizers;

/// <summary>The real drains over a storage link: the push through the local source side, the pull through the remote's <c>Drain</c> route.</summary>
public sealed class LinkDrains(StorageLink link, OutgoingSynchronization outgoing, IRemoteDrainClient remote) : ISynchronizerDrains
{
    public Task<DestinationSyncResult> PushAsync(CancellationToken ct) => outgoing.DrainAsync(link.FileSystem, link.PushTarget, ct);

    public Task<DestinationSyncResult> PullAsync(CancellationToken ct) =>
        remote.DrainAsync(link.RemoteUrl, link.RemoteFileSystem, link.RemoteApiKey, link.PullTarget, ct);
}
