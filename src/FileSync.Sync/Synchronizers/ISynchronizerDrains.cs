using FileSync.Sync.Contracts;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// The two halves of a synchronizer as the actor sees them. Both are idempotent drains, so a phase interrupted
/// by a crash simply runs again. Failures may be thrown or returned as the result's <c>Exception</c>.
/// </summary>
public interface ISynchronizerDrains
{
    /// <summary>Every local change not yet confirmed by the remote file system, pushed to it.</summary>
    Task<DestinationSyncResult> PushAsync(CancellationToken ct);

    /// <summary>The remote node drains its file system to the local one (conflicts are detected here, as usual).</summary>
    Task<DestinationSyncResult> PullAsync(CancellationToken ct);
}

/// <summary>The seam of the pull: asks a remote node to drain one of its file systems to a destination.</summary>
public interface IRemoteDrainClient
{
    /// <summary><c>POST {remoteUrl}/fs/{remoteFileSystem}/synchronization/Drain</c> with <paramref name="to"/> as the body.</summary>
    Task<DestinationSyncResult> DrainAsync(string remoteUrl, string remoteFileSystem, string? apiKey, SynchronizationDestination to, CancellationToken ct);
}
