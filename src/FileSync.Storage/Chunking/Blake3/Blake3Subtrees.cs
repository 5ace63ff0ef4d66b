using System.Runtime.CompilerServices;
using System.Buffers;

namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// The nodes of one long content that <see cref="Blake3Incremental"/> hashes as it streams: whole subtrees of
/// full chunks (their chunks and parents side by side in the vector lanes), a lone chunk, and one parent.
/// Unlike <see cref="Blake3Batch"/>, counters run on across calls and nothing here is a root unless asked.
/// </summary>
internal static unsafe class Blake3Subtrees
{
    /// <summary>
    /// Chaining values of the <c>data.Length / (1024 · subtreeChunks)</c> subtrees that fill
    /// <paramref name="data"/>, whose first chunk has index <paramref name="firstChunk"/> in the content.
    /// <paramref name="subtreeChunks"/> is a power of two dividing <paramref name="firstChunk"/> (or the first chunk is 0),
    /// so each subtree is a node of the content's tree. Writes 8 words per subtree to <paramref name="output"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ChainingValues(ReadOnlySpan<byte> data, ulong firstChunk, int subtreeChunks, Span<uint> output, Blake3LaneWidth width)
    {
        var chunks = data.Length / Blake3Constants.ChunkSize;
        var subtrees = chunks / subtreeChunks;
        var cvTable = ArrayPool<uint>.Shared.Rent(chunks * 8);
        var chunkJobs = ArrayPool<ChunkJob>.Shared.Rent(chunks);
        var parentJobs = ArrayPool<ParentJob>.Shared.Rent(Math.Max(1, chunks / 2));
        var zeroBlock = stackalloc byte[Blake3Constants.BlockSize];
        new Span<byte>(zeroBlock, Blake3Constants.BlockSize).Clear();
        try
        {
            fixed (byte* start = data)
            fixed (uint* cvs = cvTable)
            fixed (ChunkJob* jobs = chunkJobs)
            fixed (ParentJob* parents = parentJobs)
            {
                for (var c = 0; c < chunks; c++)
                {
                    var counter = firstChunk + (ulong)c;
                    jobs[c] = new ChunkJob
                    {
                        Start = start + (long)c * Blake3Constants.ChunkSize,
                        LastBlock = start + (long)c * Blake3Constants.ChunkSize + Blake3Constants.ChunkSize - Blake3Constants.BlockSize,
                        LastBlockIndex = Blake3Constants.BlocksPerChunk - 1,
                        LastBlockLength = Blake3Constants.BlockSize,
                        Counter = (uint)counter,
                        CounterHigh = (uint)(counter >> 32),
                        Slot = c,
                    };
                }
                Blake3Batch.RunChunks(jobs, chunks, cvs, zeroBlock, width);
                // Pairs never straddle two subtrees (their size is a power of two): pair adjacent nodes level by level.
                for (var nodes = chunks; nodes > subtrees; nodes /= 2)
                {
                    for (var k = 0; k < nodes / 2; k++) parents[k] = new ParentJob { Left = 2 * k, Output = k, Flags = Blake3Constants.Parent };
                    Blake3Batch.RunParents(parents, nodes / 2, cvs, zeroBlock, width);
                }
            }
            cvTable.AsSpan(0, subtrees * 8).CopyTo(output);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(cvTable);
            ArrayPool<ChunkJob>.Shared.Return(chunkJobs);
            ArrayPool<ParentJob>.Shared.Return(parentJobs);
        }
    }

    /// <summary>
    /// The chaining value (or with <paramref name="flags"/> = ROOT, the hash) of one chunk of up to 1 KiB with index
    /// <paramref name="counter"/>.
    /// </summary>
    public static void Chunk(ReadOnlySpan<byte> chunk, ulong counter, uint flags, Span<uint> output)
    {
        var lastIndex = Math.Max(0, (chunk.Length - 1) / Blake3Constants.BlockSize);
        var lastLength = chunk.Length - lastIndex * Blake3Constants.BlockSize;
        var padded = stackalloc byte[Blake3Constants.BlockSize];
        var span = new Span<byte>(padded, Blake3Constants.BlockSize);
        span.Clear();
        chunk[(lastIndex * Blake3Constants.BlockSize)..].CopyTo(span);
        var cv = stackalloc uint[8];
        fixed (byte* start = chunk)
        {
            var job = new ChunkJob
            {
                Start = start,
                LastBlock = padded,
                LastBlockIndex = lastIndex,
                LastBlockLength = (uint)lastLength,
                Counter = (uint)counter,
                CounterHigh = (uint)(counter >> 32),
                FinalFlags = flags,
                Slot = 0,
            };
            Blake3Nodes<uint, ScalarLanes>.HashChunks(&job, 1, 0, cv, padded);
        }
        new ReadOnlySpan<uint>(cv, 8).CopyTo(output);
    }

    /// <summary>The parent of two chaining values; <paramref name="root"/> for the top of the tree.</summary>
    public static void Parent(ReadOnlySpan<uint> left, ReadOnlySpan<uint> right, bool root, Span<uint> output)
    {
        var cvs = stackalloc uint[16];
        left.CopyTo(new Span<uint>(cvs, 8));
        right.CopyTo(new Span<uint>(cvs + 8, 8));
        var job = new ParentJob { Left = 0, Output = 0, Flags = root ? Blake3Constants.Parent | Blake3Constants.Root : Blake3Constants.Parent };
        var zeroBlock = stackalloc byte[Blake3Constants.BlockSize];
        Blake3Nodes<uint, ScalarLanes>.HashParents(&job, 1, cvs, zeroBlock);
        new ReadOnlySpan<uint>(cvs, 8).CopyTo(output);
    }
}
