using FileSync.Storage.Chunking;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Outgoing;

namespace FileSync.Sync.Tests.Outgoing;

/// <summary>
/// The real destination side (<see cref="IncomingSynchronization"/> over another node's store) behind the
/// <see cref="IDestinationClient"/> seam, without HTTP: the delta stream goes through a temporary file.
/// </summary>
public sealed class InProcessDestination(IncomingSynchronization incoming, string fileSystem, SourceInfo source) : IDestinationClient
{
    public int ContentRequests { get; private set; }

    public Task<LastSynchronizationInfo> GetLastSynchronizationAsync(CancellationToken ct) =>
        incoming.GetLastSynchronizationAsync(fileSystem, source.ServerId, ct);

    public async Task<IReadOnlyList<IncomingCheckResult>> CheckAsync(IReadOnlyList<IncomingCheckFile> files, CancellationToken ct) =>
        (await incoming.CheckAsync(fileSystem, source, new IncomingCheckRequest(files), ct)).Files;

    public Task<IReadOnlyList<ChunkHash>> GetMissingAsync(IReadOnlyList<ChunkHash> hashes, CancellationToken ct) =>
        incoming.GetMissingChunksAsync(hashes, ct);

    public async Task<IReadOnlyList<IncomingResult>> SendContentAsync(Func<Stream, CancellationToken, Task> writeDelta, CancellationToken ct)
    {
        ContentRequests++;
        var path = Path.GetTempFileName();
        try
        {
            await using (var output = File.Create(path)) await writeDelta(output, ct);
            await using var input = File.OpenRead(path);
            return (await incoming.ApplyContentAsync(fileSystem, source, input, ct)).Files;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public Task<IncomingResult> UpdateMetadataAsync(IncomingMetadataRequest request, CancellationToken ct) =>
        incoming.ApplyMetadataAsync(fileSystem, source, request, ct);

    public Task<IncomingResult> DeleteAsync(IncomingDeleteRequest request, CancellationToken ct) =>
        incoming.ApplyDeleteAsync(fileSystem, source, request, ct);

    public Task<IncomingResult> RenameAsync(IncomingRenameRequest request, CancellationToken ct) =>
        incoming.ApplyRenameAsync(fileSystem, source, request, ct);
}
