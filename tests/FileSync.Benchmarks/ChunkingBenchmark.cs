using System.Diagnostics;
using System.Security.Cryptography;
using FileSync.Storage.Chunking;
using FileSync.Storage.Chunking.Blake3;

namespace FileSync.Benchmarks;

/// <summary>
/// Content-defined chunking speed on one core: the cut search alone, and cut search plus a hash per chunk
/// (<see cref="ChunkHash"/>, SHA-256, and the BLAKE3 candidate), each against <see cref="SHA256.HashData(ReadOnlySpan{byte})"/> over the same buffer in the same run.
/// Options: [MiB of data, default 256] [repetitions, default 5]. Figures are medians, in bytes per CPU-second.
/// </summary>
public sealed class ChunkingBenchmark : IBenchmarkSuite
{
    public string Name => "chunking";
    public string Description => "CDC cut search, cut + chunk hash (SHA-256; BLAKE3 candidate), GB/s on one core vs SHA256.HashData";

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
        var cutAndHash = Measure(data.Length, repetitions, () => CutAndHash(data, options, static chunk => ChunkHash.Compute(chunk)));
        var cutAndBlake3 = Measure(data.Length, repetitions, () => CutAndHash(data, options, static chunk => Blake3Hash.HashData(chunk, stackalloc byte[32])));

        Console.WriteLine($"data: {mib} MiB random, chunks {options.Min}/{options.Avg}/{options.Max} bytes -> {chunkCount} chunks, average {data.Length / Math.Max(1, chunkCount)} bytes");
        Console.WriteLine($"baseline SHA256.HashData:        {sha:F2} GB/s");
        Console.WriteLine($"cut search alone:                {cut:F2} GB/s   ratio {cut / sha:F2}x   (goal >= 2 GB/s)");
        Console.WriteLine($"cut search + ChunkHash (SHA-256): {cutAndHash:F2} GB/s   ratio {cutAndHash / sha:F2}x   (goal >= 0.7x)");
        Console.WriteLine($"cut search + BLAKE3 per chunk:    {cutAndBlake3:F2} GB/s   ratio {cutAndBlake3 / sha:F2}x   (the candidate chunk hash)");

        // The chunk hash candidates on fixed-size pieces, each against SHA-256 over the same pieces.
        foreach (var size in new[] { 2 * 1024, 8 * 1024, 9351, 64 * 1024 })
        {
            var shaPieces = Measure(data.Length, repetitions, () => HashPieces(data, size, static piece => SHA256.HashData(piece, stackalloc byte[32])));
            var blakePieces = Measure(data.Length, repetitions, () => HashPieces(data, size, static piece => Blake3Hash.HashData(piece, stackalloc byte[32])));
            Console.WriteLine($"{size,6}-byte pieces: SHA-256 {shaPieces:F2} GB/s, BLAKE3 {blakePieces:F2} GB/s   ratio {blakePieces / shaPieces:F2}x");
        }
        return Task.CompletedTask;
    }

    private delegate void PieceHash(ReadOnlySpan<byte> piece);

    private static void HashPieces(byte[] data, int size, PieceHash hash)
    {
        for (var position = 0; position < data.Length; position += size)
            hash(data.AsSpan(position, Math.Min(size, data.Length - position)));
    }

    private static int CutOnly(byte[] data, ChunkingOptions options)
    {
        var count = 0;
        for (var position = 0; position < data.Length; count++)
            position += ContentDefinedChunker.FindCut(data.AsSpan(position), options);
        return count;
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
