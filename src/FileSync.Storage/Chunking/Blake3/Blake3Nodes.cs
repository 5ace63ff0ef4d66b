using System.Runtime.CompilerServices;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// Hashes up to <c>TLanes.Width</c> BLAKE3 nodes side by side, one per lane, whatever piece each belongs to:
/// chunks (up to 16 chained block compressions each) and parents (one compression of two child chaining
/// values). Lanes without a job compress a zero block and their result is dropped.
/// </summary>
internal static unsafe class Blake3Nodes<T, TLanes> where T : struct where TLanes : struct, IWordLanes<T>
{
    private const int MaxWidth = 16;

    /// <summary>Hashes <paramref name="count"/> ≤ Width chunk jobs, writing each chaining value to its slot in <paramref name="cvs"/>.</summary>
    public static void HashChunks(ChunkJob* jobs, int count, uint* cvs, byte* zeroBlock)
    {
        var width = TLanes.Width;
        var blocks = stackalloc byte*[MaxWidth];
        var flags = stackalloc uint[MaxWidth];
        var lengths = stackalloc uint[MaxWidth];
        var counters = stackalloc uint[MaxWidth];
        var words = stackalloc uint[8 * MaxWidth];
        var steps = 0;
        for (var i = 0; i < width; i++)
        {
            counters[i] = i < count ? jobs[i].Counter : 0;
            if (i < count) steps = Math.Max(steps, jobs[i].LastBlockIndex + 1);
        }

        var cv = InitialChainingValue();
        Message<T> message = default;
        var counterLow = TLanes.Load(counters);
        var counterHigh = TLanes.Broadcast(0);
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
            TLanes.LoadMessage(blocks, ref message);
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
        TLanes.LoadMessage(blocks, ref message);
        var zero = TLanes.Broadcast(0);
        Blake3Compression<T, TLanes>.Compress(ref cv, ref message, zero, zero, TLanes.Broadcast(Blake3Constants.BlockSize), TLanes.Load(flags));
        StoreLanes(ref cv, words);
        for (var i = 0; i < count; i++) CopyLane(words, width, i, cvs + 8 * jobs[i].Output);
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
