using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FileSync.Storage.Chunking;

namespace FileSync.Benchmarks;

/// <summary>
/// The chunk hash lines of the chunking suite: BLAKE3 (<see cref="ChunkHash.ComputeAll"/>, one call per 4 MiB
/// slice of chunks, as the upload does) against SHA-256 per chunk, with and without the cut search.
/// </summary>
internal static class ChunkHashComparison
{
    private const int SliceBytes = 4 * 1024 * 1024;

    public static void Run(byte[] data, ChunkingOptions options, int repetitions, double sha)
    {
        var lengths = new List<int>(data.Length / options.Min + 1);
        Cut(data, options, lengths);
        var hashes = new ChunkHash[lengths.Count];

        var cutAndSha = ChunkingBenchmark.Measure(data.Length, repetitions, () => Sha256Each(data, Cut(data, options, lengths)));
        var cutAndBlake3 = ChunkingBenchmark.Measure(data.Length, repetitions, () => ComputeAllBySlice(data, Cut(data, options, lengths), hashes));
        var bufferLengths = new List<int>(SliceBytes / options.Min + 1);
        var uploadLike = ChunkingBenchmark.Measure(data.Length, repetitions, () => CutAllAndComputeAllPerBuffer(data, options, bufferLengths, hashes));
        var listSha = ChunkingBenchmark.Measure(data.Length, repetitions, () => Sha256Each(data, CollectionsMarshal.AsSpan(lengths)));
        var listBlake3 = ChunkingBenchmark.Measure(data.Length, repetitions, () => ComputeAllBySlice(data, CollectionsMarshal.AsSpan(lengths), hashes));

        Console.WriteLine($"cut search + SHA-256 per chunk:   {cutAndSha:F2} GB/s   ratio {cutAndSha / sha:F2}x   (the chunk hash before BLAKE3)");
        Console.WriteLine($"cut (FindCut loop) + ComputeAll per 4 MiB (BLAKE3): {cutAndBlake3:F2} GB/s   ratio {cutAndBlake3 / sha:F2}x   (goal >= 0.7x)");
        Console.WriteLine($"CutAll + ComputeAll per 4 MiB buffer (as the upload): {uploadLike:F2} GB/s   ratio {uploadLike / sha:F2}x   (goal >= 0.7x)");
        Console.WriteLine($"chunk list only, SHA-256 per chunk:  {listSha:F2} GB/s");
        Console.WriteLine($"chunk list only, ComputeAll (BLAKE3): {listBlake3:F2} GB/s   {listBlake3 / listSha:F2}x SHA-256 per chunk   (target >= 2.5x)");
    }

    /// <summary>The whole buffer cut first into a list of chunk lengths.</summary>
    private static ReadOnlySpan<int> Cut(byte[] data, ChunkingOptions options, List<int> lengths)
    {
        lengths.Clear();
        for (var position = 0; position < data.Length;)
        {
            var length = ContentDefinedChunker.FindCut(data.AsSpan(position), options);
            lengths.Add(length);
            position += length;
        }
        return CollectionsMarshal.AsSpan(lengths);
    }

    /// <summary>
    /// The upload's order of work: each 4 MiB buffer is cut by <see cref="ContentDefinedChunker.CutAll(ReadOnlySpan{byte}, bool, ChunkingOptions, List{int})"/>
    /// (the uncut rest goes in front of the next buffer) and its chunks hashed by one ComputeAll.
    /// </summary>
    private static void CutAllAndComputeAllPerBuffer(byte[] data, ChunkingOptions options, List<int> lengths, ChunkHash[] hashes)
    {
        for (var position = 0; position < data.Length;)
        {
            var end = Math.Min(data.Length, position + SliceBytes);
            lengths.Clear();
            var cut = ContentDefinedChunker.CutAll(data.AsSpan(position, end - position), end == data.Length, options, lengths);
            ChunkHash.ComputeAll(data.AsSpan(position, cut), CollectionsMarshal.AsSpan(lengths), hashes);
            position += cut;
        }
    }

    private static void Sha256Each(byte[] data, ReadOnlySpan<int> lengths)
    {
        Span<byte> digest = stackalloc byte[32];
        var position = 0;
        foreach (var length in lengths)
        {
            SHA256.HashData(data.AsSpan(position, length), digest);
            position += length;
        }
    }

    /// <summary>One ComputeAll per run of consecutive chunks that fits in 4 MiB (a chunk longer than that alone).</summary>
    private static void ComputeAllBySlice(byte[] data, ReadOnlySpan<int> lengths, ChunkHash[] hashes)
    {
        var position = 0;
        for (var first = 0; first < lengths.Length;)
        {
            var end = first;
            var bytes = 0;
            do bytes += lengths[end++];
            while (end < lengths.Length && bytes + lengths[end] <= SliceBytes);
            ChunkHash.ComputeAll(data.AsSpan(position, bytes), lengths[first..end], hashes.AsSpan(first, end - first));
            position += bytes;
            first = end;
        }
    }
}
