using FileSync.Storage.Chunking;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// The destination as the source sees it: the routes of docs/sync-protocol.md, with the DTOs of
/// <c>FileSync.Sync.Contracts</c>. <see cref="DestinationClient"/> speaks HTTP; tests fake this seam.
/// Failures (unreachable, non-success status, an answer not understood) throw.
/// </summary>
public interface IDestinationClient
{
    Task<LastSynchronizationInfo> GetLastSynchronizationAsync(CancellationToken ct);

    Task<IReadOnlyList<IncomingCheckResult>> CheckAsync(IReadOnlyList<IncomingCheckFile> files, CancellationToken ct);

    /// <summary>Which of <paramref name="hashes"/> (at most <c>HashListCodec.MaxHashesPerRequest</c>) the destination lacks.</summary>
    Task<IReadOnlyList<ChunkHash>> GetMissingAsync(IReadOnlyList<ChunkHash> hashes, CancellationToken ct);

    /// <summary>Streams a delta stream that <paramref name="writeDelta"/> writes (never buffered whole) and returns the per-file results.</summary>
    Task<IReadOnlyList<IncomingResult>> SendContentAsync(Func<Stream, CancellationToken, Task> writeDelta, CancellationToken ct);

    Task<IncomingResult> UpdateMetadataAsync(IncomingMetadataRequest request, CancellationToken ct);

    Task<IncomingResult> DeleteAsync(IncomingDeleteRequest request, CancellationToken ct);

    Task<IncomingResult> RenameAsync(IncomingRenameRequest request, CancellationToken ct);
}

/// <summary>Makes the client for a destination (one per DestinationActor).</summary>
public interface IDestinationClientFactory
{
    IDestinationClient Create(SourceIdentity source, SynchronizationDestination destination);
}
