using System.Runtime.InteropServices;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// The two kinds of nodes of the BLAKE3 tree, hashed <c>TLanes.Width</c> at a time: chunks (up to 16 chained
/// block compressions each) and parents (one compression of two child chaining values).
/// </summary>
internal static class Blake3Tree<T, TLanes> where T : struct where TLanes : struct, IWordLanes<T>
{
    /// <summary>
    /// Chaining values of chunks [<paramref name="first"/>, first + count), count ≤ Width, into
    /// <c>cvs[8·chunk ..]</c>. A chunk that ends inside a block is read from <paramref name="scratch"/>
    /// (its bytes, zero-padded to a whole chunk); so is any chunk shorter than a full one. <paramref name="finalFlags"/> are added to each chunk's
    /// last block (ROOT when the input is a single chunk).
    /// </summary>
    public static void HashChunks(ReadOnlySpan<byte> input, ReadOnlySpan<byte> scratch, int first, int count, uint finalFlags, Span<uint> cvs)
    {
        var width = TLanes.Width;
        Span<LaneSource> sources = stackalloc LaneSource[width];
        Span<int> lastBlock = stackalloc int[width];
        Span<uint> lastLength = stackalloc uint[width];
        Span<uint> counters = stackalloc uint[width];
        var steps = 0;
        for (var i = 0; i < width; i++)
        {
            if (i >= count)
            {
                sources[i] = new LaneSource(InScratch: true, 0); // idle lane: hashes zeros, result unused
                lastBlock[i] = -1;
                continue;
            }
            var chunk = first + i;
            var offset = chunk * Blake3Constants.ChunkSize;
            var length = Math.Min(Blake3Constants.ChunkSize, input.Length - offset);
            var blocks = Math.Max(1, (length + Blake3Constants.BlockSize - 1) / Blake3Constants.BlockSize);
            // A short (last) chunk is read from the padded copy: its lane keeps loading blocks until the
            // longest lane is done, and those must not run past the input.
            sources[i] = length < Blake3Constants.ChunkSize ? new LaneSource(InScratch: true, 0) : new LaneSource(InScratch: false, offset);
            lastBlock[i] = blocks - 1;
            lastLength[i] = (uint)(length - (blocks - 1) * Blake3Constants.BlockSize);
            counters[i] = (uint)chunk;
            steps = Math.Max(steps, blocks);
        }

        var cv = InitialChainingValue();
        Message<T> message = default;
        Span<uint> flags = stackalloc uint[width];
        Span<uint> lengths = stackalloc uint[width];
        Span<uint> lanes = stackalloc uint[8 * width];
        var counterLow = TLanes.Load(counters);
        var counterHigh = TLanes.Broadcast(0);
        for (var b = 0; b < steps; b++)
        {
            var anyEnds = false;
            for (var i = 0; i < width; i++)
            {
                var ends = b == lastBlock[i];
                anyEnds |= ends;
                flags[i] = (b == 0 ? Blake3Constants.ChunkStart : 0) | (ends ? Blake3Constants.ChunkEnd | finalFlags : 0);
                lengths[i] = ends ? lastLength[i] : Blake3Constants.BlockSize;
            }
            TLanes.LoadMessage(input, scratch, sources, b * Blake3Constants.BlockSize, ref message);
            Blake3Compression<T, TLanes>.Compress(ref cv, ref message, counterLow, counterHigh, TLanes.Load(lengths), TLanes.Load(flags));
            if (!anyEnds) continue;
            for (var j = 0; j < 8; j++) TLanes.Store(cv[j], lanes.Slice(j * width, width));
            for (var i = 0; i < width; i++)
            {
                if (b != lastBlock[i]) continue;
                var destination = cvs.Slice((first + i) * 8, 8);
                for (var j = 0; j < 8; j++) destination[j] = lanes[j * width + i];
            }
        }
    }

    /// <summary>
    /// Replaces the <paramref name="count"/> chaining values at the start of <paramref name="cvs"/> by the
    /// next level up: the parent of each adjacent pair, and an odd last one carried up unchanged (this
    /// level-by-level pairing builds exactly the specification's left-full tree). Returns the new count.
    /// Each parent's 64-byte block is its two children, already adjacent in <paramref name="cvs"/>.
    /// </summary>
    public static int HashParentLevel(Span<uint> cvs, int count)
    {
        var width = TLanes.Width;
        var pairs = count / 2;
        Span<LaneSource> sources = stackalloc LaneSource[width];
        Span<uint> lanes = stackalloc uint[8 * width];
        var bytes = MemoryMarshal.AsBytes(cvs);
        var blockLength = TLanes.Broadcast(Blake3Constants.BlockSize);
        var flags = TLanes.Broadcast(Blake3Constants.Parent);
        var zero = TLanes.Broadcast(0);
        Message<T> message = default;
        for (var first = 0; first < pairs; first += width)
        {
            var inGroup = Math.Min(width, pairs - first);
            // Idle lanes re-hash the group's first pair; their results are dropped.
            for (var i = 0; i < width; i++)
                sources[i] = new LaneSource(InScratch: false, (first + (i < inGroup ? i : 0)) * Blake3Constants.BlockSize);
            TLanes.LoadMessage(bytes, bytes, sources, 0, ref message);
            var cv = InitialChainingValue();
            Blake3Compression<T, TLanes>.Compress(ref cv, ref message, zero, zero, blockLength, flags);
            // Parent p is written to slot p: below the pairs still to be read (slot p < 2p for p > 0, and
            // this group's own blocks were loaded above).
            for (var j = 0; j < 8; j++) TLanes.Store(cv[j], lanes.Slice(j * width, width));
            for (var i = 0; i < inGroup; i++)
                for (var j = 0; j < 8; j++) cvs[(first + i) * 8 + j] = lanes[j * width + i];
        }
        if (count % 2 == 1) cvs.Slice((count - 1) * 8, 8).CopyTo(cvs.Slice(pairs * 8, 8));
        return pairs + count % 2;
    }

    private static ChainingValue<T> InitialChainingValue()
    {
        ChainingValue<T> cv = default;
        var iv = Blake3Constants.IV;
        for (var j = 0; j < 8; j++) cv[j] = TLanes.Broadcast(iv[j]);
        return cv;
    }
}
