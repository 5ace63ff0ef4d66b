using FileSync.Storage.Chunking.Blake3;
using System.Diagnostics;
using System.Security.Cryptography;
using FileSync.Storage.Chunking;
using FileSync.Storage.Chunking.Simd;

namespace FileSync.Benchmarks;

/// <summary>
/// Content-defined chunking speed on one core: the cut search alone, and cut search plus a hash per chunk
/// (SHA-256 per chunk, and <see cref="ChunkHash"/>, BLAKE3, batched per 4 MiB by <see cref="ChunkHash.ComputeAll"/>), each against <see cref="SHA256.HashData(ReadOnlySpan{byte})"/> over the same buffer in the same run.
/// Options: [MiB of data, default 256] [repetitions, default 5]. Figures are medians, in bytes per CPU-second.
/// </summary>
public sealed class ChunkingBenchmark : IBenchmarkSuite
{
    public string Name => "chunking";
    public string Description => "CDC cut search, cut + chunk hash (BLAKE3 batched; SHA-256 for comparison), GB/s on one core vs SHA256.HashData";

    public Task RunAsync(string[] args)
    {
        var mib = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 256;
        var repetitions = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var data = new byte[mib * 1024L * 1024L];
        new Random(42).NextBytes(data);
        var options = ChunkingOptions.Default;

        var chunkCount = 0;
        var sha = Measure(data.Length, repetitions, () => SHA256.HashData(data));
        var cut = Measure(data.Length, repetitions, () => chunkCount = CutOnly(data, options));
        var cutAllCount = 0;
        var cutAll = Measure(data.Length, repetitions, () => cutAllCount = CutAllInBuffers(data, options, vector: true));
        var cutAndHash = Measure(data.Length, repetitions, () => CutAndHash(data, options, static chunk => ChunkHash.Compute(chunk)));
        var whole = Measure(data.Length, repetitions, () => WholeContentHash(data, 4 * 1024 * 1024 - 9_000 - 7));
        var wholeSmall = Measure(data.Length, repetitions, () => WholeContentHash(data, 8 * 1024 + 13));

        Console.WriteLine($"data: {mib} MiB random, chunks {options.Min}/{options.Avg}/{options.Max} bytes -> {chunkCount} chunks, average {data.Length / Math.Max(1, chunkCount)} bytes");
        Console.WriteLine($"baseline SHA256.HashData:        {sha:F2} GB/s");
        Console.WriteLine($"cut search alone, FindCut loop (scalar, one chunk at a time): {cut:F2} GB/s   ratio {cut / sha:F2}x");
        Console.WriteLine($"cut search alone, CutAll (4 MiB buffers, vector: {LaneCandidateScan.IsSupported}): {cutAll:F2} GB/s   ratio {cutAll / sha:F2}x   {cutAll / cut:F2}x the FindCut loop   (goal >= 2 GB/s; {cutAllCount} chunks)");
        Console.WriteLine($"cut search + ChunkHash.Compute per chunk (BLAKE3, one chunk at a time): {cutAndHash:F2} GB/s   ratio {cutAndHash / sha:F2}x");
        Console.WriteLine($"whole-content hash, Blake3Incremental in ~4 MiB pieces (the upload's content hash): {whole:F2} GB/s   ratio {whole / sha:F2}x");
        Console.WriteLine($"whole-content hash, Blake3Incremental in ~8 KiB pieces (a synchronization's chunks): {wholeSmall:F2} GB/s   ratio {wholeSmall / sha:F2}x");
        ChunkHashComparison.Run(data, options, repetitions, sha);
        return Task.CompletedTask;
    }

    private delegate void PieceHash(ReadOnlySpan<byte> piece);

    private static int CutOnly(byte[] data, ChunkingOptions options)
    {
        var count = 0;
        for (var position = 0; position < data.Length; count++)
            position += ContentDefinedChunker.FindCut(data.AsSpan(position), options);
        return count;
    }

    /// <summary>CutAll as an upload uses it: 4 MiB buffers, each cut where a whole Max is visible, the rest carried over.</summary>
    private static int CutAllInBuffers(byte[] data, ChunkingOptions options, bool vector)
    {
        const int bufferSize = 4 * 1024 * 1024;
        var lengths = new List<int>(bufferSize / options.Avg * 2);
        var count = 0;
        for (var position = 0; position < data.Length;)
        {
            var end = Math.Min(data.Length, position + bufferSize);
            lengths.Clear();
            position += ContentDefinedChunker.CutAll(data.AsSpan(position, end - position), end == data.Length, options, lengths, vector);
            count += lengths.Count;
        }
        return count;
    }

    /// <summary>
    /// In pieces of <paramref name="piece"/> bytes that start and end inside BLAKE3 chunks, as the upload (4 MiB less
    /// a carried-over tail) and a synchronization (one chunk at a time) append them.
    /// </summary>
    private static void WholeContentHash(byte[] data, int piece)
    {
        var hasher = new Blake3Incremental();
        for (var position = 0; position < data.Length; position += piece)
            hasher.Append(data.AsSpan(position, Math.Min(piece, data.Length - position)));
        hasher.FinishHex();
    }

    private static void CutAndHash(byte[] data, ChunkingOptions options, PieceHash hash)
    {
        for (var position = 0; position < data.Length;)
        {
            var length = ContentDefinedChunker.FindCut(data.AsSpan(position), options);
            hash(data.AsSpan(position, length));
            position += length;
        }
    }

    /// <summary>
    /// Median GB/s per CPU-second of this process over <paramref name="repetitions"/> runs after one warm-up.
    /// CPU time rather than wall time: on a shared, overloaded machine wall time mostly measures the other
    /// tenants, while the code under test is single-threaded, so its CPU time is its cost on one core.
    /// </summary>
    internal static double Measure(long bytes, int repetitions, Action action)
    {
        action();
        var process = Process.GetCurrentProcess();
        var rates = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            action();
            process.Refresh();
            rates.Add(bytes / (process.TotalProcessorTime - before).TotalSeconds / 1e9);
        }
        rates.Sort();
        return rates[rates.Count / 2];
    }
}
