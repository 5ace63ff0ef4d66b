using System.Runtime.CompilerServices;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// BLAKE3 (hash mode, 32-byte output) of many consecutive pieces of one buffer in one call. Every piece has
/// its own tree (chunk counters restart at 0), but the nodes of all trees share the vector lanes: first all
/// chunks, longest first so lanes that run together end together, then the parents level by level. A piece
/// of ~9 KiB alone would fill 9 of 16 lanes; in a batch every lane has work.
/// </summary>
internal static unsafe class Blake3Batch
{
    /// <summary>
    /// Writes the hash of piece p (the <c>lengths[p]</c> bytes after the pieces before it) to
    /// <c>digests[32·p ..]</c>. Arguments are checked by the caller.
    /// </summary>
    public static void HashAll(ReadOnlySpan<byte> buffer, ReadOnlySpan<int> lengths, Span<byte> digests, Blake3LaneWidth width)
    {
        // Parent blocks are read straight from the chaining values' memory as little-endian words.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("This BLAKE3 implementation needs a little-endian CPU.");
        width = Blake3LaneWidths.Supported(width);
        var pieces = lengths.Length;
        if (pieces == 0) return;

        var chunkTotal = 0;
        foreach (var length in lengths) chunkTotal += ChunksOf(length);

        var firstSlots = ArrayPool<int>.Shared.Rent(pieces);
        var cvTable = ArrayPool<uint>.Shared.Rent(chunkTotal * 8);
        var chunkJobs = ArrayPool<ChunkJob>.Shared.Rent(chunkTotal * 2);
        var parentJobs = ArrayPool<ParentJob>.Shared.Rent(chunkTotal);
        // One zero-padded last block per piece, then one block of zeros for idle lanes.
        var padding = ArrayPool<byte>.Shared.Rent((pieces + 1) * Blake3Constants.BlockSize);
        try
        {
            fixed (byte* data = buffer)
            fixed (uint* cvs = cvTable)
            fixed (ChunkJob* jobs = chunkJobs)
            fixed (ParentJob* parents = parentJobs)
            fixed (byte* pad = padding)
            {
                var zeroBlock = pad + pieces * Blake3Constants.BlockSize;
                new Span<byte>(zeroBlock, Blake3Constants.BlockSize).Clear();
                PlanChunks(data, lengths, jobs, pad, firstSlots);
                var sorted = jobs + chunkTotal;
                SortByBlockCountDescending(jobs, chunkTotal, sorted);
                RunChunks(sorted, chunkTotal, cvs, zeroBlock, width);
                ReduceParents(lengths, firstSlots, cvs, parents, zeroBlock, width);
            }
            var table = MemoryMarshal.AsBytes(cvTable.AsSpan());
            for (var p = 0; p < pieces; p++)
                table.Slice(firstSlots[p] * Blake3Constants.OutputSize, Blake3Constants.OutputSize).CopyTo(digests[(p * Blake3Constants.OutputSize)..]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(firstSlots);
            ArrayPool<uint>.Shared.Return(cvTable);
            ArrayPool<ChunkJob>.Shared.Return(chunkJobs);
            ArrayPool<ParentJob>.Shared.Return(parentJobs);
            ArrayPool<byte>.Shared.Return(padding);
        }
    }

    /// <summary>BLAKE3 chunks in a piece: one per started KiB, and one (empty) for an empty piece.</summary>
    // Written without "length + ChunkSize - 1", which overflows for pieces near 2 GiB.
    private static int ChunksOf(int length) => length == 0 ? 1 : (length - 1) / Blake3Constants.ChunkSize + 1;

    /// <summary>One job per chunk, in piece order; piece p's chaining values start at slot <c>firstSlots[p]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlanChunks(byte* data, ReadOnlySpan<int> lengths, ChunkJob* jobs, byte* pad, int[] firstSlots)
    {
        var slot = 0;
        var offset = 0L;
        for (var p = 0; p < lengths.Length; p++)
        {
            var length = lengths[p];
            var chunks = ChunksOf(length);
            firstSlots[p] = slot;
            for (var c = 0; c < chunks; c++, slot++)
            {
                var chunkLength = Math.Min(Blake3Constants.ChunkSize, length - c * Blake3Constants.ChunkSize);
                var lastIndex = Math.Max(0, (chunkLength - 1) / Blake3Constants.BlockSize);
                var lastLength = chunkLength - lastIndex * Blake3Constants.BlockSize;
                var start = data + offset + (long)c * Blake3Constants.ChunkSize;
                var lastBlock = start + lastIndex * Blake3Constants.BlockSize;
                if (lastLength < Blake3Constants.BlockSize)
                {
                    // Only a piece's last chunk can end inside a block: hash it from a zero-padded copy.
                    var copy = pad + p * Blake3Constants.BlockSize;
                    var padded = new Span<byte>(copy, Blake3Constants.BlockSize);
                    padded.Clear();
                    new ReadOnlySpan<byte>(lastBlock, lastLength).CopyTo(padded);
                    lastBlock = copy;
                }
                jobs[slot] = new ChunkJob
                {
                    Start = start,
                    LastBlock = lastBlock,
                    LastBlockIndex = lastIndex,
                    LastBlockLength = (uint)lastLength,
                    Counter = (uint)c,
                    FinalFlags = chunks == 1 ? Blake3Constants.Root : 0,
                    Slot = slot,
                };
            }
            offset += length;
        }
    }

    /// <summary>Counting sort on the number of blocks (1–16), most first: lanes grouped together then run equally long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortByBlockCountDescending(ChunkJob* jobs, int count, ChunkJob* sorted)
    {
        Span<int> starts = stackalloc int[Blake3Constants.BlocksPerChunk + 1];
        for (var i = 0; i < count; i++) starts[Blake3Constants.BlocksPerChunk - 1 - jobs[i].LastBlockIndex + 1]++;
        for (var k = 1; k < starts.Length; k++) starts[k] += starts[k - 1];
        for (var i = 0; i < count; i++) sorted[starts[Blake3Constants.BlocksPerChunk - 1 - jobs[i].LastBlockIndex]++] = jobs[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RunChunks(ChunkJob* jobs, int count, uint* cvs, byte* zeroBlock, Blake3LaneWidth width)
    {
        for (var first = 0; first < count;)
        {
            var left = count - first;
            if (width == Blake3LaneWidth.Vector512 && left > 8)
            {
                Blake3Nodes<Vector512<uint>, Vector512Lanes>.HashChunks(jobs + first, Math.Min(16, left), left - Math.Min(16, left), cvs, zeroBlock);
                first += 16;
            }
            else if (width != Blake3LaneWidth.Scalar)
            {
                Blake3Nodes<Vector256<uint>, Vector256Lanes>.HashChunks(jobs + first, Math.Min(8, left), left - Math.Min(8, left), cvs, zeroBlock);
                first += 8;
            }
            else
            {
                Blake3Nodes<uint, ScalarLanes>.HashChunks(jobs + first, 1, left - 1, cvs, zeroBlock);
                first++;
            }
        }
    }

    /// <summary>
    /// Replaces each piece's chunk chaining values by the next level up until one is left: the parent of
    /// each adjacent pair, and an odd last one carried up unchanged (this level-by-level pairing builds
    /// exactly the specification's left-full tree). A level's parents of all pieces share the lanes.
    /// Parent k of a piece is written to its slot k, below every pair a later job of the level still reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReduceParents(ReadOnlySpan<int> lengths, int[] firstSlots, uint* cvs, ParentJob* parents, byte* zeroBlock, Blake3LaneWidth width)
    {
        var pieces = lengths.Length;
        var counts = ArrayPool<int>.Shared.Rent(pieces);
        try
        {
            for (var p = 0; p < pieces; p++) counts[p] = ChunksOf(lengths[p]);
            while (true)
            {
                var jobs = 0;
                for (var p = 0; p < pieces; p++)
                {
                    var nodes = counts[p];
                    var flags = nodes == 2 ? Blake3Constants.Parent | Blake3Constants.Root : Blake3Constants.Parent;
                    for (var k = 0; k < nodes / 2; k++)
                        parents[jobs++] = new ParentJob { Left = firstSlots[p] + 2 * k, Output = firstSlots[p] + k, Flags = flags };
                }
                if (jobs == 0) return;
                RunParents(parents, jobs, cvs, zeroBlock, width);
                for (var p = 0; p < pieces; p++)
                {
                    var nodes = counts[p];
                    if (nodes < 2) continue;
                    if (nodes % 2 == 1)
                        new Span<uint>(cvs + 8 * (firstSlots[p] + nodes - 1), 8).CopyTo(new Span<uint>(cvs + 8 * (firstSlots[p] + nodes / 2), 8));
                    counts[p] = (nodes + 1) / 2;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RunParents(ParentJob* jobs, int count, uint* cvs, byte* zeroBlock, Blake3LaneWidth width)
    {
        for (var first = 0; first < count;)
        {
            var left = count - first;
            if (width == Blake3LaneWidth.Vector512 && left > 8)
            {
                Blake3Nodes<Vector512<uint>, Vector512Lanes>.HashParents(jobs + first, Math.Min(16, left), cvs, zeroBlock);
                first += 16;
            }
            else if (width != Blake3LaneWidth.Scalar)
            {
                Blake3Nodes<Vector256<uint>, Vector256Lanes>.HashParents(jobs + first, Math.Min(8, left), cvs, zeroBlock);
                first += 8;
            }
            else
            {
                Blake3Nodes<uint, ScalarLanes>.HashParents(jobs + first, 1, cvs, zeroBlock);
                first++;
            }
        }
    }
}
