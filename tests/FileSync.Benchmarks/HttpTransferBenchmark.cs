using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using FileSync.TestSupport;

namespace FileSync.Benchmarks;

/// <summary>
/// PUT and GET of one large file over loopback HTTP against a real node process (the built
/// FileSync.Server.dll of the same configuration, SQLite under a temp data directory), each
/// against <c>cp</c> of the same file on the same disk in the same run. Options: [MiB, default 1024].
/// </summary>
public sealed class HttpTransferBenchmark : IBenchmarkSuite
{
    public string Name => "http-transfer";
    public string Description => "PUT and GET of a large file through a node process over loopback vs cp (and cp + fsync)";

    public async Task RunAsync(string[] args)
    {
        var cold = args.Contains("--cold");
        var numbers = args.Where(a => a != "--cold").ToArray();
        var mib = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 1024;
        using var dir = new TempDirectory("http-transfer-bench");
        var source = dir.Combine("source.bin");
        WriteRandomFile(source, mib);

        var cp = await TimeAsync(() => RunAsync("cp", source, dir.Combine("cp.bin")));
        var cpSync = await TimeAsync(async () =>
        {
            await RunAsync("cp", source, dir.Combine("cp-sync.bin"));
            await RunAsync("sync", dir.Combine("cp-sync.bin"));
        });

        var (barePut, bareGet, bareReceive) = await MeasureBareKestrelAsync(dir, source, mib, cold);

        using var node = await StartNodeAsync(dir);
        using var http = new HttpClient { BaseAddress = new Uri(node.Url + "/"), Timeout = Timeout.InfiniteTimeSpan };
        (await http.PutAsync("admin/fs/Bench", null)).EnsureSuccessStatusCode();
        if (!cold)
        {
            // A node serves for hours: measure it with its hot paths compiled (tier-1 JIT), not the first
            // seconds after start, when the JIT compiles them again and again (~1 CPU-s per transfer). --cold skips this.
            await WarmUpAsync(http, dir, mib, "fs/Bench/files/warm.bin");
            // Tier-1 recompilation runs in the background after the calls that trigger it: let it finish.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Phase("PUT");
        var cpuBeforePut = node.CpuTime();
        var clientCpuBeforePut = ClientCpuTime();
        var put = await TimeAsync(() => PutAsync(http, source, "fs/Bench/files/big.bin"));
        var putCpu = node.CpuTime() - cpuBeforePut;
        var putClientCpu = ClientCpuTime() - clientCpuBeforePut;
        var peakAfterPutMiB = node.PeakResidentBytes() / (1024.0 * 1024.0);
        var target = dir.Combine("downloaded.bin");
        Phase("GET");
        var cpuBeforeGet = node.CpuTime();
        var clientCpuBeforeGet = ClientCpuTime();
        var get = await TimeAsync(() => GetAsync(http, "fs/Bench/files/big.bin", target));
        var getCpu = node.CpuTime() - cpuBeforeGet;
        var getClientCpu = ClientCpuTime() - clientCpuBeforeGet;
        Phase("end");
        var peakMiB = node.PeakResidentBytes() / (1024.0 * 1024.0);
        if (!SameContent(source, target)) throw new InvalidOperationException("The downloaded file differs from the uploaded one.");

        Console.WriteLine($"file: {mib} MiB random, node: {node.Dll}, {(cold ? "cold (first transfers after start)" : $"after a {Math.Min(mib, WarmUpMiB)} MiB warm-up PUT + GET, {WarmUpRounds} times")}");
        Console.WriteLine($"baseline cp:          {Rate(mib, cp)} ({cp.TotalSeconds:F2} s)");
        Console.WriteLine($"baseline cp + fsync:  {Rate(mib, cpSync)} ({cpSync.TotalSeconds:F2} s)");
        Console.WriteLine($"PUT over loopback:    {Rate(mib, put)} ({put.TotalSeconds:F2} s)   ratio vs cp {cp / put:F2}x, vs cp + fsync {cpSync / put:F2}x   (goal >= 0.5x)   node CPU {putCpu.TotalSeconds:F2} s, client CPU {putClientCpu.TotalSeconds:F2} s");
        Console.WriteLine($"GET over loopback:    {Rate(mib, get)} ({get.TotalSeconds:F2} s)   ratio vs cp {cp / get:F2}x, vs cp + fsync {cpSync / get:F2}x   (goal >= 0.5x)   node CPU {getCpu.TotalSeconds:F2} s, client CPU {getClientCpu.TotalSeconds:F2} s");
        Console.WriteLine($"reference, bare Kestrel PUT into a file + fsync: {Rate(mib, barePut)} ({barePut.TotalSeconds:F2} s)   ratio vs cp {cp / barePut:F2}x   node PUT vs it {barePut / put:F2}x");
        Console.WriteLine($"reference, bare Kestrel GET of a file:           {Rate(mib, bareGet)} ({bareGet.TotalSeconds:F2} s)   ratio vs cp {cp / bareGet:F2}x   node GET vs it {bareGet / get:F2}x");
        Console.WriteLine($"reference, bare Kestrel PUT, body discarded:     {Rate(mib, bareReceive)} ({bareReceive.TotalSeconds:F2} s)   ratio vs cp {cp / bareReceive:F2}x");
        Console.WriteLine($"node peak RSS (VmHWM): {peakAfterPutMiB:F0} MiB after the warm-up and PUT, {peakMiB:F0} MiB at the end");
    }

    /// <summary>
    /// Prints the node's pid and a CLOCK_MONOTONIC timestamp (seconds, as <c>perf record -k CLOCK_MONOTONIC</c> stamps
    /// samples) at each phase boundary, so a profile of the node can be cut per phase with <c>perf report --time</c>.
    /// </summary>
    private static void Phase(string name)
    {
        var seconds = Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {name} at {seconds:F6}"));
    }

    /// <summary>
    /// The same transfers through <see cref="BareKestrelServer"/> (same client, same warm-up): what HTTP over loopback
    /// and a durable file write cost on this machine before any of the node's work. A reference rather than a strict
    /// floor: the bare server shares this process (thread pool, GC, CPU) with the client, and serves GET with
    /// Kestrel's default file sending.
    /// </summary>
    private static async Task<(TimeSpan Put, TimeSpan Get, TimeSpan Receive)> MeasureBareKestrelAsync(TempDirectory dir, string source, int mib, bool cold)
    {
        var files = dir.Combine("bare");
        Directory.CreateDirectory(files);
        await using var bare = await BareKestrelServer.StartAsync(files);
        using var http = new HttpClient { BaseAddress = new Uri(bare.Url + "/"), Timeout = Timeout.InfiniteTimeSpan };
        if (!cold) await WarmUpAsync(http, dir, mib, "bare/warm.bin");
        var put = await TimeAsync(() => PutAsync(http, source, "bare/big.bin"));
        var get = await TimeAsync(() => GetAsync(http, "bare/big.bin", dir.Combine("bare-downloaded.bin")));
        File.Delete(Path.Combine(files, "big.bin"));
        File.Delete(dir.Combine("bare-downloaded.bin"));
        var receive = await TimeAsync(() => PutAsync(http, source, "discard"));
        return (put, get, receive);
    }

    private static async Task WarmUpAsync(HttpClient http, TempDirectory dir, int mib, string url)
    {
        var warm = dir.Combine("warm.bin");
        if (!File.Exists(warm)) WriteRandomFile(warm, Math.Min(mib, WarmUpMiB));
        for (var i = 0; i < WarmUpRounds; i++)
        {
            await PutAsync(http, warm, url);
            await GetAsync(http, url, dir.Combine("warm-back.bin"));
        }
    }

    private const int WarmUpMiB = 256;
    private const int WarmUpRounds = 3;

    /// <summary>The client reads and sends in 1 MiB pieces, so the client is not what is measured.</summary>
    private const int ClientBufferSize = 1 << 20;

    private static async Task PutAsync(HttpClient http, string path, string url)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var content = new StreamContent(input, ClientBufferSize);
        using var answer = await http.PutAsync(url, content);
        if (answer.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"PUT answered {(int)answer.StatusCode}.");
    }

    private static async Task GetAsync(HttpClient http, string url, string path)
    {
        using var answer = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        answer.EnsureSuccessStatusCode();
        await using var body = await answer.Content.ReadAsStreamAsync();
        await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        await body.CopyToAsync(output, ClientBufferSize);
    }

    /// <summary>CPU time of this process, the client side of the transfers (its HttpClient and file I/O).</summary>
    private static TimeSpan ClientCpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string Rate(int mib, TimeSpan time) => $"{mib / time.TotalSeconds,8:F1} MiB/s";

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static void WriteRandomFile(string path, int mib)
    {
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        for (var i = 0; i < mib; i++)
        {
            RandomNumberGenerator.Fill(buffer);
            output.Write(buffer);
        }
    }

    private static bool SameContent(string a, string b)
    {
        using var fa = File.OpenRead(a);
        using var fb = File.OpenRead(b);
        return SHA256.HashData(fa).AsSpan().SequenceEqual(SHA256.HashData(fb));
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}.");
    }

    private static async Task<BenchNode> StartNodeAsync(TempDirectory dir)
    {
        var config = dir.Combine("node.conf");
        await File.WriteAllTextAsync(config,
            $"filesync {{ node {{ url = \"http://127.0.0.1:0\", data-dir = \"{dir.Combine("data")}\" }}, logging.level = Warning }}\n");
        var dll = RepoPaths.ProjectAssembly("FileSync.Server");
        var process = ChildProcess.Start("dotnet", [dll, "--config", config], environment: ChildProcess.NodeRuntimeEnvironment);
        var line = await process.WaitForLineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        // For profiling: `perf record -p <pid>` (start the benchmark with DOTNET_PerfMapEnabled=1; the node inherits it).
        Console.WriteLine($"node pid {process.Id}");
        return new BenchNode(process, line[(line.IndexOf("Now listening on:", StringComparison.Ordinal) + 17)..].Trim(), dll);
    }

    private sealed record BenchNode(ChildProcess Process, string Url, string Dll) : IDisposable
    {
        public long PeakResidentBytes()
        {
            var line = File.ReadLines($"/proc/{Process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }

        /// <summary>User + system CPU time of the node so far (the machine is shared, so wall time alone misleads).</summary>
        public TimeSpan CpuTime()
        {
            var stat = File.ReadAllText($"/proc/{Process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }

        public void Dispose() => Process.Dispose();
    }
}
