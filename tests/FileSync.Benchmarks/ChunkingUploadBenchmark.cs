using System.Diagnostics;
using FileSync.Storage;
using FileSync.TestSupport;

namespace FileSync.Benchmarks;

/// <summary>
/// Upload (PUT) of one large file into a node's storage — chunked, hashed, stored durably and committed —
/// against <c>cp</c> of the same file on the same disk followed by an fsync, in the same run. Also reads it back.
/// Options: [MiB, default 1024] [sqlite|postgres, default sqlite].
/// </summary>
public sealed class ChunkingUploadBenchmark : IBenchmarkSuite
{
    private const int WarmUpBytes = 64 * 1024 * 1024;

    public string Name => "storage-upload";
    public string Description => "PUT of a large random file into storage (SQLite or PostgreSQL) vs cp + fsync";

    public async Task RunAsync(string[] args)
    {
        var mib = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1024;
        var provider = args.Length > 1 && args[1] == "postgres" ? StorageProvider.PostgreSql : StorageProvider.Sqlite;
        using var dir = new TempDirectory("storage-upload-bench");
        var source = dir.Combine("source.bin");
        WriteRandomFile(source, mib);

        var copy = Stopwatch.StartNew();
        await CopyWithCpAsync(source, dir.Combine("copy.bin"));
        copy.Stop();

        Console.WriteLine($"file: {mib} MiB random; figures are wall time, and CPU seconds of this process (the machine is shared); each node first takes an unmeasured {WarmUpBytes >> 20} MiB upload");
        Console.WriteLine($"baseline cp + fsync:         {mib / copy.Elapsed.TotalSeconds,8:F1} MiB/s ({copy.Elapsed.TotalSeconds:F2} s)");
        var variants = provider == StorageProvider.PostgreSql
            ? new[] { ("postgres", new StorageSettings(dir.Combine("pg"), provider) { ConnectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench") }) }
            : new[]
            {
                ("sqlite + pack files", new StorageSettings(dir.Combine("packs"))),
                ("sqlite BLOBs", new StorageSettings(dir.Combine("blobs")) { ChunkBytesInDatabase = true }),
            };
        foreach (var (label, settings) in variants)
        {
            var (upload, uploadCpu, read, readCpu) = await UploadAndReadAsync(settings, source);
            Console.WriteLine($"{label,-20} PUT: {mib / upload.TotalSeconds,8:F1} MiB/s ({upload.TotalSeconds:F2} s, CPU {uploadCpu.TotalSeconds:F2} s)   ratio {copy.Elapsed / upload:F2}x   (goal >= 0.5x)");
            Console.WriteLine($"{label,-20} GET: {mib / read.TotalSeconds,8:F1} MiB/s ({read.TotalSeconds:F2} s, CPU {readCpu.TotalSeconds:F2} s)");
        }
    }

    private static async Task<(TimeSpan Upload, TimeSpan UploadCpu, TimeSpan Read, TimeSpan ReadCpu)> UploadAndReadAsync(StorageSettings settings, string source)
    {
        await using var node = await NodeStorage.OpenAsync(settings);
        await node.FileSystems.CreateFileSystemAsync("Bench");
        // A running node is warm: one unmeasured upload of other bytes first, so the figure is not the JIT's
        // (compiling and re-compiling the upload path cost ~1 CPU-second, measured with perf).
        var warmUp = new byte[WarmUpBytes];
        new Random(11).NextBytes(warmUp);
        await node.FileSystems.PutFileAsync("Bench", "/warm-up.bin", new MemoryStream(warmUp), new Dictionary<string, string>());
        var process = Process.GetCurrentProcess();

        var cpu = process.TotalProcessorTime;
        var upload = Stopwatch.StartNew();
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
            await node.FileSystems.PutFileAsync("Bench", "/big.bin", input, new Dictionary<string, string>());
        upload.Stop();
        process.Refresh();
        var uploadCpu = process.TotalProcessorTime - cpu;

        var stored = await node.FileSystems.GetFileAsync("Bench", "/big.bin") ?? throw new InvalidOperationException("The uploaded file is missing.");
        cpu = process.TotalProcessorTime;
        var read = Stopwatch.StartNew();
        await using (var output = node.FileSystems.OpenRead(stored)) await output.CopyToAsync(Stream.Null);
        read.Stop();
        process.Refresh();
        return (upload.Elapsed, uploadCpu, read.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static void WriteRandomFile(string path, int mib)
    {
        var random = new Random(7);
        var block = new byte[1 << 20];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        for (var i = 0; i < mib; i++)
        {
            random.NextBytes(block);
            file.Write(block);
        }
        file.Flush(flushToDisk: true);
    }

    private static async Task CopyWithCpAsync(string from, string to)
    {
        using (var cp = Process.Start("cp", [from, to]))
        {
            await cp.WaitForExitAsync();
            if (cp.ExitCode != 0) throw new InvalidOperationException($"cp exited with {cp.ExitCode}.");
        }
        // cp alone leaves the data in the page cache; the upload is durable, so the baseline must be too.
        await using var copy = new FileStream(to, FileMode.Open, FileAccess.ReadWrite);
        copy.Flush(flushToDisk: true);
    }
}
