namespace FileSync.Storage.Chunking;

/// <summary>
/// Turns the cut candidates of a buffer into chunks, front to back, by the rule of
/// <see cref="ContentDefinedChunker.FindCut"/>: the first hard candidate after Min up to Avg, else the first
/// candidate after Avg up to Max, else Max. Cheap: about one candidate per 2 KiB (default bounds).
/// </summary>
internal static class CandidateWalk
{
    public static int Cut(CutCandidates candidates, int length, bool final, ChunkingOptions options, List<int> lengths)
    {
        var start = 0;
        var next = 0; // first candidate not yet passed
        while (start < length && (final || length - start >= options.Max))
        {
            var chunk = NextChunk(candidates, ref next, start, length - start, options);
            lengths.Add(chunk);
            start += chunk;
        }
        return start;
    }

    private static int NextChunk(CutCandidates candidates, ref int next, int start, int remaining, ChunkingOptions options)
    {
        if (remaining <= options.Min) return remaining;
        var limit = Math.Min(remaining, options.Max);
        var normal = Math.Min(limit, options.Avg);
        while (next < candidates.Count && candidates.End(next) - start <= options.Min) next++;
        var i = next;
        for (; i < candidates.Count && candidates.End(i) - start <= normal; i++)
            if (candidates.IsHard(i)) return candidates.End(i) - start;
        // Every candidate passes the easy mask, so the first one past Avg (and within the limit) ends the chunk.
        if (i < candidates.Count && candidates.End(i) - start <= limit) return candidates.End(i) - start;
        return limit;
    }
}
