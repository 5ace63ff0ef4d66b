using System.Diagnostics;
using FileSync.Storage;
using FileSync.TestSupport;

namespace FileSync.Benchmarks;

/// <summary>
/// Upload (PUT) of one large file into a node's storage — chunked, hashed, stored durably and committed —
/// against <c>cp</c> of the same file on the same disk followed by an fsync, in the same run. Also reads it back.
/// Options: [MiB, default 1024] [sqlite|postgres, default sqlite] [packs-only: skip the BLOB variant].
/// With <c>FILESYNC_PERF_OUT=&lt;file&gt;</c> set, <c>perf record</c> samples this process during the measured
/// upload only (not the file generation, the warm-up or the read-back); run with
/// <c>DOTNET_PerfMapEnabled=1</c> so managed frames have names.
/// </summary>
public sealed class ChunkingUploadBenchmark : IBenchmarkSuite
{
    private const int WarmUpBytes = 64 * 1024 * 1024;
    private const int WarmUpUploads = 4;

    public string Name => "storage-upload";
    public string Description => "PUT of a large random file into storage (SQLite or PostgreSQL) vs cp + fsync";

    public async Task RunAsync(string[] args)
    {
        var mib = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1024;
        var provider = args.Length > 1 && args[1] == "postgres" ? StorageProvider.PostgreSql : StorageProvider.Sqlite;
        var packsOnly = args.Contains("packs-only");
        using var dir = new TempDirectory("storage-upload-bench");
        var source = dir.Combine("source.bin");
        WriteRandomFile(source, mib);

        var copy = Stopwatch.StartNew();
        await CopyWithCpAsync(source, dir.Combine("copy.bin"));
        copy.Stop();

        Console.WriteLine($"file: {mib} MiB random; figures are wall time, and CPU seconds of this process (the machine is shared); each node first takes {WarmUpUploads} unmeasured uploads of {WarmUpBytes >> 20} MiB");
        Console.WriteLine($"baseline cp + fsync:         {mib / copy.Elapsed.TotalSeconds,8:F1} MiB/s ({copy.Elapsed.TotalSeconds:F2} s)");
        var variants = provider == StorageProvider.PostgreSql
            ? new[] { ("postgres", new StorageSettings(dir.Combine("pg"), provider) { ConnectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench") }) }
            : new[]
            {
                ("sqlite + pack files", new StorageSettings(dir.Combine("packs"))),
                ("sqlite BLOBs", new StorageSettings(dir.Combine("blobs")) { ChunkBytesInDatabase = true }),
            }.Take(packsOnly ? 1 : 2).ToArray();
        foreach (var (label, settings) in variants)
        {
            var (upload, uploadCpu, written, read, readCpu) = await UploadAndReadAsync(settings, source);
            Console.WriteLine($"{label,-20} PUT: {mib / upload.TotalSeconds,8:F1} MiB/s ({upload.TotalSeconds:F2} s, CPU {uploadCpu.TotalSeconds:F2} s, written {written >> 20} MiB)   ratio {copy.Elapsed / upload:F2}x   (goal >= 0.5x)");
            Console.WriteLine($"{label,-20} GET: {mib / read.TotalSeconds,8:F1} MiB/s ({read.TotalSeconds:F2} s, CPU {readCpu.TotalSeconds:F2} s)");
        }
    }

    private static async Task<(TimeSpan Upload, TimeSpan UploadCpu, long Written, TimeSpan Read, TimeSpan ReadCpu)> UploadAndReadAsync(StorageSettings settings, string source)
    {
        await using var node = await NodeStorage.OpenAsync(settings);
        await node.FileSystems.CreateFileSystemAsync("Bench");
        // A running node is warm: unmeasured uploads of other bytes first, so the figure is not the JIT's
        // (compiling and re-compiling the upload path cost ~1 CPU-second, measured with perf). Methods called
        // once per 4 MiB buffer need 30 calls before they are promoted, so one 64 MiB upload was not enough:
        // perf still showed the JIT busy for the first 8 s of the measured upload. A pause lets tier-up finish.
        var warmUp = new byte[WarmUpBytes];
        for (var i = 0; i < WarmUpUploads; i++)
        {
            new Random(11 + i).NextBytes(warmUp);
            await node.FileSystems.PutFileAsync("Bench", $"/warm-up-{i}.bin", new MemoryStream(warmUp), new Dictionary<string, string>());
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        var process = Process.GetCurrentProcess();

        using var perf = await PerfRecording.StartAsync(Environment.GetEnvironmentVariable("FILESYNC_PERF_OUT"));
        var cpu = process.TotalProcessorTime;
        var writtenBefore = BytesWrittenByThisProcess();
        var upload = Stopwatch.StartNew();
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
            await node.FileSystems.PutFileAsync("Bench", "/big.bin", input, new Dictionary<string, string>());
        upload.Stop();
        perf?.Dispose();
        var written = BytesWrittenByThisProcess() - writtenBefore;
        process.Refresh();
        var uploadCpu = process.TotalProcessorTime - cpu;

        var stored = await node.FileSystems.GetFileAsync("Bench", "/big.bin") ?? throw new InvalidOperationException("The uploaded file is missing.");
        cpu = process.TotalProcessorTime;
        var read = Stopwatch.StartNew();
        await using (var output = node.FileSystems.OpenRead(stored)) await output.CopyToAsync(Stream.Null);
        read.Stop();
        process.Refresh();
        return (upload.Elapsed, uploadCpu, written, read.Elapsed, process.TotalProcessorTime - cpu);
    }

    /// <summary>Bytes this process passed to write calls so far (pack files, WAL and checkpoints; Linux /proc).</summary>
    private static long BytesWrittenByThisProcess()
    {
        const string file = "/proc/self/io";
        if (!File.Exists(file)) return 0;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["wchar:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
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

/// <summary><c>perf record</c> attached to this process until disposed (SIGINT lets perf write its file).</summary>
internal sealed class PerfRecording : IDisposable
{
    private readonly Process _perf;
    private bool _stopped;

    private PerfRecording(Process perf) => _perf = perf;

    public static async Task<PerfRecording?> StartAsync(string? output)
    {
        if (string.IsNullOrEmpty(output)) return null;
        var perf = Process.Start("perf", ["record", "-F", "999", "-g", "-o", output, "-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await Task.Delay(1000);   // perf needs a moment to attach before the measured work starts
        return new PerfRecording(perf);
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        using (var kill = Process.Start("kill", ["-INT", _perf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        _perf.WaitForExit();
        _perf.Dispose();
    }
}
