using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// Hashes up to <c>TLanes.Width</c> BLAKE3 nodes side by side, one per lane, whatever piece each belongs to:
/// chunks (up to 16 chained block compressions each) and parents (one compression of two child chaining
/// values). Lanes without a job compress a zero block and their result is dropped.
/// </summary>
internal static unsafe class Blake3Nodes<T, TLanes> where T : struct where TLanes : struct, IWordLanes<T>
{
    private const int MaxWidth = 16;

    /// <summary>
    /// Hashes <paramref name="count"/> ≤ Width chunk jobs, writing each chaining value to its slot in
    /// <paramref name="cvs"/>. The <paramref name="following"/> jobs after them (the next group) are prefetched.
    /// </summary>
    public static void HashChunks(ChunkJob* jobs, int count, int following, uint* cvs, byte* zeroBlock)
    {
        if (AreFullInPlaceChunks(jobs, count)) HashFullChunks(jobs, Math.Min(following, TLanes.Width), cvs);
        else HashMixedChunks(jobs, count, cvs, zeroBlock);
    }

    /// <summary>
    /// True when every lane has a whole 1 KiB chunk, not a piece's root, all read in place: the bulk of the
    /// work. Such a group needs no per-lane decisions per block.
    /// </summary>
    private static bool AreFullInPlaceChunks(ChunkJob* jobs, int count)
    {
        if (count != TLanes.Width) return false;
        for (var i = 0; i < count; i++)
        {
            var job = jobs + i;
            if (job->LastBlockIndex != Blake3Constants.BlocksPerChunk - 1 || job->LastBlockLength != Blake3Constants.BlockSize || job->FinalFlags != 0)
                return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashFullChunks(ChunkJob* jobs, int following, uint* cvs)
    {
        var width = TLanes.Width;
        var starts = stackalloc byte*[MaxWidth];
        var counters = stackalloc uint[MaxWidth];
        var countersHigh = stackalloc uint[MaxWidth];
        var nextStarts = stackalloc byte*[MaxWidth];
        for (var i = 0; i < width; i++)
        {
            starts[i] = jobs[i].Start;
            counters[i] = jobs[i].Counter;
            countersHigh[i] = jobs[i].CounterHigh;
        }
        for (var i = 0; i < following; i++) nextStarts[i] = jobs[width + i].Start;
        var cv = InitialChainingValue();
        Message<T> message = default;
        var counterLow = TLanes.Load(counters);
        var counterHigh = TLanes.Load(countersHigh);
        var blockLength = TLanes.Broadcast(Blake3Constants.BlockSize);
        var middle = TLanes.Broadcast(0);
        var first = TLanes.Broadcast(Blake3Constants.ChunkStart);
        var last = TLanes.Broadcast(Blake3Constants.ChunkEnd);
        Prefetch(nextStarts, following, 0);
        TLanes.LoadMessage(starts, 0, ref message);
        Blake3Compression<T, TLanes>.Compress(ref cv, ref message, counterLow, counterHigh, blockLength, first);
        for (var b = 1; b < Blake3Constants.BlocksPerChunk - 1; b++)
        {
            Prefetch(nextStarts, following, b * Blake3Constants.BlockSize);
            TLanes.LoadMessage(starts, b * Blake3Constants.BlockSize, ref message);
            Blake3Compression<T, TLanes>.Compress(ref cv, ref message, counterLow, counterHigh, blockLength, middle);
        }
        Prefetch(nextStarts, following, Blake3Constants.ChunkSize - Blake3Constants.BlockSize);
        TLanes.LoadMessage(starts, Blake3Constants.ChunkSize - Blake3Constants.BlockSize, ref message);
        Blake3Compression<T, TLanes>.Compress(ref cv, ref message, counterLow, counterHigh, blockLength, last);
        var words = stackalloc uint[8 * MaxWidth];
        StoreLanes(ref cv, words);
        for (var i = 0; i < width; i++) CopyLane(words, width, i, cvs + 8 * jobs[i].Slot);
    }

    /// <summary>Any chunks: lanes may end at different blocks, read a padded last block, or carry ROOT.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashMixedChunks(ChunkJob* jobs, int count, uint* cvs, byte* zeroBlock)
    {
        var width = TLanes.Width;
        var blocks = stackalloc byte*[MaxWidth];
        var flags = stackalloc uint[MaxWidth];
        var lengths = stackalloc uint[MaxWidth];
        var counters = stackalloc uint[MaxWidth];
        var countersHigh = stackalloc uint[MaxWidth];
        var words = stackalloc uint[8 * MaxWidth];
        var steps = 0;
        for (var i = 0; i < width; i++)
        {
            counters[i] = i < count ? jobs[i].Counter : 0;
            countersHigh[i] = i < count ? jobs[i].CounterHigh : 0;
            if (i < count) steps = Math.Max(steps, jobs[i].LastBlockIndex + 1);
        }

        var cv = InitialChainingValue();
        Message<T> message = default;
        var counterLow = TLanes.Load(counters);
        var counterHigh = TLanes.Load(countersHigh);
        for (var b = 0; b < steps; b++)
        {
            var anyEnds = false;
            var start = b == 0 ? Blake3Constants.ChunkStart : 0;
            for (var i = 0; i < width; i++)
            {
                if (i >= count)
                {
                    blocks[i] = zeroBlock;
                    flags[i] = 0;
                    lengths[i] = Blake3Constants.BlockSize;
                    continue;
                }
                var job = jobs + i;
                var last = job->LastBlockIndex;
                if (b < last)
                {
                    blocks[i] = job->Start + b * Blake3Constants.BlockSize;
                    flags[i] = start;
                    lengths[i] = Blake3Constants.BlockSize;
                }
                else if (b == last)
                {
                    anyEnds = true;
                    blocks[i] = job->LastBlock;
                    flags[i] = start | Blake3Constants.ChunkEnd | job->FinalFlags;
                    lengths[i] = job->LastBlockLength;
                }
                else
                {
                    blocks[i] = zeroBlock; // this lane's chunk is done: it idles until the longest one ends
                    flags[i] = 0;
                    lengths[i] = Blake3Constants.BlockSize;
                }
            }
            TLanes.LoadMessage(blocks, 0, ref message);
            Blake3Compression<T, TLanes>.Compress(ref cv, ref message, counterLow, counterHigh, TLanes.Load(lengths), TLanes.Load(flags));
            if (!anyEnds) continue;
            StoreLanes(ref cv, words);
            for (var i = 0; i < count; i++)
            {
                if (jobs[i].LastBlockIndex == b) CopyLane(words, width, i, cvs + 8 * jobs[i].Slot);
            }
        }
    }

    /// <summary>
    /// Hashes <paramref name="count"/> ≤ Width parent jobs. All blocks are loaded before any output is
    /// written, so an output slot may be one that a job of this same call reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HashParents(ParentJob* jobs, int count, uint* cvs, byte* zeroBlock)
    {
        var width = TLanes.Width;
        var blocks = stackalloc byte*[MaxWidth];
        var flags = stackalloc uint[MaxWidth];
        var words = stackalloc uint[8 * MaxWidth];
        for (var i = 0; i < width; i++)
        {
            blocks[i] = i < count ? (byte*)(cvs + 8 * jobs[i].Left) : zeroBlock;
            flags[i] = i < count ? jobs[i].Flags : 0;
        }
        var cv = InitialChainingValue();
        Message<T> message = default;
        TLanes.LoadMessage(blocks, 0, ref message);
        var zero = TLanes.Broadcast(0);
        Blake3Compression<T, TLanes>.Compress(ref cv, ref message, zero, zero, TLanes.Broadcast(Blake3Constants.BlockSize), TLanes.Load(flags));
        StoreLanes(ref cv, words);
        for (var i = 0; i < count; i++) CopyLane(words, width, i, cvs + 8 * jobs[i].Output);
    }

    /// <summary>
    /// Asks for block <paramref name="offset"/> of the next group's chunks while this group computes: sixteen
    /// chunks read side by side are more streams than the hardware prefetcher follows (measured ~20 % faster).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(byte** starts, int count, nint offset)
    {
        if (!Sse.IsSupported) return;
        for (var i = 0; i < count; i++) Sse.Prefetch0(starts[i] + offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreLanes(ref ChainingValue<T> cv, uint* words)
    {
        for (var j = 0; j < 8; j++) TLanes.Store(cv[j], words + j * TLanes.Width);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLane(uint* words, int width, int lane, uint* destination)
    {
        for (var j = 0; j < 8; j++) destination[j] = words[j * width + lane];
    }

    private static ChainingValue<T> InitialChainingValue()
    {
        ChainingValue<T> cv = default;
        var iv = Blake3Constants.IV;
        for (var j = 0; j < 8; j++) cv[j] = TLanes.Broadcast(iv[j]);
        return cv;
    }
}
