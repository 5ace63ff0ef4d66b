using FileSync.Storage.Chunking;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// The destination as the source sees it: the routes of docs/sync-protocol.md. <see cref="DestinationClient"/>
/// speaks HTTP; tests fake this seam. Failures (unreachable, non-success status, bad answer) throw.
/// </summary>
public interface IDestinationClient
{
    Task<RemoteLastSynchronization> GetLastSynchronizationAsync(CancellationToken ct);

    Task<IReadOnlyList<RemoteCheck>> CheckAsync(IReadOnlyList<CheckFile> files, CancellationToken ct);

    /// <summary>Which of <paramref name="hashes"/> (at most <c>HashListCodec.MaxHashesPerRequest</c>) the destination lacks.</summary>
    Task<IReadOnlyList<ChunkHash>> GetMissingAsync(IReadOnlyList<ChunkHash> hashes, CancellationToken ct);

    /// <summary>Streams a delta stream that <paramref name="writeDelta"/> writes (never buffered whole) and returns the per-file results.</summary>
    Task<IReadOnlyList<RemoteResult>> SendContentAsync(Func<Stream, CancellationToken, Task> writeDelta, CancellationToken ct);

    Task<RemoteResult> UpdateMetadataAsync(string fileName, IReadOnlyDictionary<string, string> metadata, CancellationToken ct);

    Task<RemoteResult> DeleteAsync(string fileName, IReadOnlyDictionary<string, string> metadata, CancellationToken ct);

    Task<RemoteResult> RenameAsync(string fileName, string newName, IReadOnlyDictionary<string, string> metadata, CancellationToken ct);
}

/// <summary>Makes the client for a destination (one per DestinationActor).</summary>
public interface IDestinationClientFactory
{
    IDestinationClient Create(SourceIdentity source, SynchronizationDestination destination);
}
