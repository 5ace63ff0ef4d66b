using System.Runtime.InteropServices;

namespace FileSync.Storage.Chunking;

/// <summary>Finds cut candidates one byte at a time: the tails the vector search leaves, and its reference.</summary>
internal static class ScalarCandidateScan
{
    /// <summary>Adds the candidates among the windows ending at bytes [from, to); <paramref name="from"/> ≥ the window size.</summary>
    public static void Find(ReadOnlySpan<byte> data, int from, int to, ChunkingOptions options, CutCandidates candidates)
    {
        if (from >= to) return;
        ref var start = ref MemoryMarshal.GetReference(data);
        ref var gear = ref MemoryMarshal.GetArrayDataReference(GearTable.Values);
        var easy = options.EasyMask;
        var hard = options.HardMask;
        var hash = ContentDefinedChunker.Roll(ref start, ref gear, from - ContentDefinedChunker.Window, from);
        for (var i = from; i < to; i++)
        {
            hash = (hash << 1) + GearTable.Values[data[i]];
            if ((hash & easy) == 0) candidates.Add(i + 1, (hash & hard) == 0);
        }
    }
}
