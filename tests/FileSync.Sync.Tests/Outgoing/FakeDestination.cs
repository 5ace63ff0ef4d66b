using System.Collections.Concurrent;
using FileSync.Storage.Chunking;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Tests.Outgoing;

/// <summary>
/// A destination faked at the <see cref="IDestinationClient"/> seam: accepts everything (unless told otherwise),
/// counts how many runs talk to it at once, reads every delta stream it is sent, and can fail or block on demand.
/// </summary>
public sealed class FakeDestination : IDestinationClient
{
    private int _inFlight;
    private int _maxInFlight;
    private int _failuresLeft;

    public Guid ServerId { get; } = Guid.NewGuid();

    /// <summary>What <c>LastSynchronization</c> answers as the last source ETag it already holds.</summary>
    public long LastSourceEtag { get; set; }

    /// <summary>How long each check takes, so runs that are running at once overlap here.</summary>
    public TimeSpan CheckDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>When set, every check waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Decides each checked file; by default Proceed with no current version.</summary>
    public Func<IncomingCheckFile, IncomingCheckResult>? OnCheck { get; set; }

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);
    public int InFlight => Volatile.Read(ref _inFlight);
    public ConcurrentQueue<string> Applied { get; } = new();
    public ConcurrentQueue<int> FilesPerContentRequest { get; } = new();
    public ConcurrentQueue<string> MetadataUpdates { get; } = new();

    /// <summary>The next <paramref name="count"/> checks throw as an unreachable destination would.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public Task<LastSynchronizationInfo> GetLastSynchronizationAsync(CancellationToken ct) =>
        Task.FromResult(new LastSynchronizationInfo(Etags.Format(LastSourceEtag), null, ServerId));

    public async Task<IReadOnlyList<IncomingCheckResult>> CheckAsync(IReadOnlyList<IncomingCheckFile> files, CancellationToken ct)
    {
        var now = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }
            if (Gate is { } gate) await gate.Task.WaitAsync(ct);
            await Task.Delay(CheckDelay, ct);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0) throw new HttpRequestException("Connection refused (fake destination is down)");
            return files.Select(f => OnCheck?.Invoke(f) ?? new IncomingCheckResult(f.FileName, IncomingDecision.Proceed, null, null)).ToList();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<IReadOnlyList<ChunkHash>> GetMissingAsync(IReadOnlyList<ChunkHash> hashes, CancellationToken ct) =>
        Task.FromResult(hashes);

    public async Task<IReadOnlyList<IncomingResult>> SendContentAsync(Func<Stream, CancellationToken, Task> writeDelta, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await writeDelta(body, ct);
        body.Position = 0;
        var reader = new DeltaReader(body);
        var results = new List<IncomingResult>();
        while (await reader.ReadAsync(ct) is { } frame)
        {
            if (frame is not FileStart start) continue;
            Applied.Enqueue(start.Header.FileName);
            results.Add(IncomingResult.Applied(start.Header.FileName, start.Header.SourceFileEtag));
        }
        FilesPerContentRequest.Enqueue(results.Count);
        return results;
    }

    public Task<IncomingResult> UpdateMetadataAsync(IncomingMetadataRequest request, CancellationToken ct)
    {
        MetadataUpdates.Enqueue(request.FileName);
        return Task.FromResult(IncomingResult.Applied(request.FileName, request.SourceFileEtag ?? ""));
    }

    public Task<IncomingResult> DeleteAsync(IncomingDeleteRequest request, CancellationToken ct)
    {
        Applied.Enqueue("deleted:" + request.FileName);
        return Task.FromResult(IncomingResult.Applied(request.FileName, request.SourceFileEtag ?? ""));
    }

    public Task<IncomingResult> RenameAsync(IncomingRenameRequest request, CancellationToken ct)
    {
        Applied.Enqueue($"renamed:{request.FileName}->{request.NewName}");
        return Task.FromResult(IncomingResult.Applied(request.NewName, request.SourceFileEtag ?? ""));
    }
}
