using FileSync.Storage.Chunking;

namespace FileSync.Sync.Protocol;

/// <summary>One step of sending a file version: copy chunks the destination has at known positions, name a chunk it has, or send one.</summary>
public abstract record PlanStep;

/// <summary>Chunks [BaseIndex, BaseIndex + Count) of the destination's base version, <paramref name="Bytes"/> long in all.</summary>
public sealed record CopyStep(int BaseIndex, int Count, long Bytes) : PlanStep;

/// <summary>A chunk the destination holds (it said so, or it arrived earlier in this file).</summary>
public sealed record ReferenceStep(ChunkRef Chunk) : PlanStep;

/// <summary>A chunk whose bytes go on the wire.</summary>
public sealed record SendStep(ChunkRef Chunk) : PlanStep;

/// <summary>
/// How one file version travels, and the figures a SynchronizationReport shows for it:
/// <see cref="BytesCopied"/> + <see cref="BytesTransfered"/> equals the file's size, and
/// <see cref="NeedListLength"/> counts the runs of consecutive chunks that had to be sent.
/// </summary>
public sealed record DeltaPlan(IReadOnlyList<PlanStep> Steps, long BytesCopied, long BytesTransfered, int NeedListLength)
{
    /// <summary>
    /// Known base: the destination holds <paramref name="baseChunks"/> (a version this node knows), so the
    /// plan is computed locally with no hash exchange: chunks found in the base become copy runs, runs of
    /// consecutive base positions merged; the rest are sent once each.
    /// </summary>
    public static DeltaPlan FromKnownBase(IReadOnlyList<ChunkRef> target, IReadOnlyList<ChunkRef> baseChunks)
    {
        var firstIndex = new Dictionary<ChunkHash, int>(baseChunks.Count);
        for (var i = 0; i < baseChunks.Count; i++) firstIndex.TryAdd(baseChunks[i].Hash, i);

        var builder = new Builder();
        int runStart = -1, runCount = 0;
        long runBytes = 0;
        foreach (var chunk in target)
        {
            if (runCount > 0 && runStart + runCount < baseChunks.Count && baseChunks[runStart + runCount].Hash == chunk.Hash)
            {
                runCount++;
                runBytes += chunk.Length;
                continue;
            }
            FlushRun();
            if (firstIndex.TryGetValue(chunk.Hash, out var index))
            {
                (runStart, runCount, runBytes) = (index, 1, chunk.Length);
                continue;
            }
            builder.AddMissing(chunk);
        }
        FlushRun();
        return builder.Build();

        void FlushRun()
        {
            if (runCount == 0) return;
            builder.Add(new CopyStep(runStart, runCount, runBytes), copied: runBytes);
            runCount = 0;
        }
    }

    /// <summary>Need list: the destination said which of the version's chunk hashes it lacks; the rest are named, not sent.</summary>
    public static DeltaPlan FromMissing(IReadOnlyList<ChunkRef> target, IReadOnlySet<ChunkHash> missing)
    {
        var builder = new Builder();
        foreach (var chunk in target)
        {
            if (missing.Contains(chunk.Hash)) builder.AddMissing(chunk);
            else builder.Add(new ReferenceStep(chunk), copied: chunk.Length);
        }
        return builder.Build();
    }

    /// <summary>Collects steps and figures; a chunk already sent earlier in the same file is referenced, not sent again.</summary>
    private sealed class Builder
    {
        private readonly List<PlanStep> _steps = [];
        private readonly HashSet<ChunkHash> _sent = [];
        private long _copied, _transferred;
        private int _needRuns;
        private bool _lastWasSend;

        public void Add(PlanStep step, long copied)
        {
            _steps.Add(step);
            _copied += copied;
            _lastWasSend = false;
        }

        public void AddMissing(ChunkRef chunk)
        {
            if (!_sent.Add(chunk.Hash))
            {
                Add(new ReferenceStep(chunk), copied: chunk.Length);
                return;
            }
            if (!_lastWasSend) _needRuns++;
            _steps.Add(new SendStep(chunk));
            _transferred += chunk.Length;
            _lastWasSend = true;
        }

        public DeltaPlan Build() => new(_steps, _copied, _transferred, _needRuns);
    }
}
