using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using FileSync.TestSupport;

namespace FileSync.Benchmarks;

/// <summary>
/// BENCHMARKS.md W1–W7, side by side in one run: two node processes (A pushes to B) against an rsync daemon on
/// 127.0.0.1. Both talk through a byte-counting TCP relay, so "wire" is TCP payload bytes of each system. Each
/// workload changes a local folder; rsync pushes that folder, node A receives the same changes over HTTP with
/// its destination disabled, then the timed part enables it and triggers <c>ToDestinations</c> until B holds
/// every version. Results are verified by SHA-256 on both sides.
/// Options: <c>--size-mib N</c> (big file, default 1024), <c>--small-files N</c> (W4–W6, default 10000),
/// <c>--only W1,W3</c> (print only these; the sequence still runs the earlier ones it builds on).
/// </summary>
public sealed class SyncVsRsyncBenchmark : IBenchmarkSuite
{
    public string Name => "sync-vs-rsync";
    public string Description => "W1-W7 through two node processes vs an rsync daemon on loopback (wire bytes, wall time)";

    public async Task RunAsync(string[] args)
    {
        var sizeMib = IntOption(args, "--size-mib", 1024);
        var smallFiles = IntOption(args, "--small-files", 10_000);
        var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (SyncRsyncDaemon.MissingReason() is { } missing)
        {
            Console.WriteLine(missing);
            return;
        }

        using var folder = new TempDirectory("sync-vs-rsync");
        var truth = new SyncTruth(folder.Combine("truth"), (long)sizeMib << 20, smallFiles);
        using var daemon = await SyncRsyncDaemon.StartAsync(folder.Combine("rsync"));
        await using var rsyncProxy = new SyncByteCountingProxy(daemon.Port);
        await using var nodes = await SyncNodePair.StartAsync(folder.Combine("nodes"));

        Console.WriteLine($"big file {sizeMib} MiB, {smallFiles:N0} small files; rsync {string.Join(' ', SyncRsyncDaemon.Flags)} to rsync://127.0.0.1 (daemon); " +
            "wire = TCP payload bytes both ways through a counting relay");
        Console.WriteLine($"{"id",-4} {"workload",-44} {"changed",10} | {"ours wire",10} {"s",6} {"cpu s",6} | {"rsync wire",10} {"s",6} {"cpu s",6} | {"wire x",7} {"time x",7} | goal");
        long rsyncPeak = 0;
        foreach (var workload in truth.Workloads())
        {
            var changes = workload.Apply(truth);
            var ours = await RunOursAsync(nodes, truth, changes);
            var rsyncBytes0 = rsyncProxy.Bytes;
            var rsync = await daemon.PushAsync(truth.Folder, rsyncProxy.Port, folder.Path);
            var rsyncBytes = rsyncProxy.Bytes - rsyncBytes0;
            rsyncPeak = Math.Max(rsyncPeak, rsync.ClientPeakBytes);
            var verified = await VerifyAsync(nodes, truth, daemon.Destination);
            if (only is not null && !only.Contains(workload.Id)) continue;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{workload.Id,-4} {workload.Description,-44} {Size(workload.ChangedBytes),10} | {Size(ours.Bytes),10} {ours.Time.TotalSeconds,6:F2} {ours.CpuSeconds,6:F2} | " +
                $"{Size(rsyncBytes),10} {rsync.Wall.TotalSeconds,6:F2} {rsync.CpuSeconds,6:F2} | {Ratio(ours.Bytes, rsyncBytes),7} {Ratio(ours.Time.TotalSeconds, rsync.Wall.TotalSeconds),7} | " +
                $"{workload.Goal}{(verified is null ? "" : $"  VERIFY FAILED: {verified}")}"));
        }
        Console.WriteLine("wire x, time x: ours / rsync (below 1 = ours is better); cpu s: both nodes (ours), client + daemon session (rsync)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak RSS over the whole run: node A {Size(SyncCpuTime.PeakResidentBytes(nodes.Pids[0]))}, node B {Size(SyncCpuTime.PeakResidentBytes(nodes.Pids[1]))}, rsync client {Size(rsyncPeak)}"));
    }

    /// <summary>Replays the changes on A (untimed), then times enabling the destination until B matches A.</summary>
    private static async Task<(long Bytes, TimeSpan Time, double CpuSeconds)> RunOursAsync(SyncNodePair nodes, SyncTruth truth, IReadOnlyList<SyncChange> changes)
    {
        await nodes.SetDestinationEnabledAsync(false);
        await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = changes.Count > 1 ? 8 : 1 }, async (change, _) =>
        {
            switch (change)
            {
                case SyncChange.Upload u: await nodes.UploadAsync(u.Name, truth.Local(u.Name)); break;
                case SyncChange.Metadata m: await nodes.SetMetadataAsync(m.Name, "Bench-Touch", "1"); break;
                case SyncChange.Rename r: await nodes.RenameAsync(r.Name, r.NewName); break;
            }
        });
        var expected = await SyncNodePair.ListAsync(nodes.A);

        var bytes0 = nodes.Proxy.Bytes;
        var cpu0 = nodes.Pids.Sum(SyncCpuTime.OwnSeconds);
        var watch = Stopwatch.StartNew();
        await nodes.SetDestinationEnabledAsync(true);
        await nodes.TriggerAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        var lastTrigger = Stopwatch.StartNew();
        while (true)
        {
            if (await nodes.OutstandingAsync() == 0 && Same(expected, await SyncNodePair.ListAsync(nodes.B))) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Node B did not reach node A's state within 10 minutes.");
            // A failed work waits for a later pass: keep passes coming, as the background interval would.
            if (lastTrigger.Elapsed > TimeSpan.FromSeconds(2))
            {
                await nodes.TriggerAsync();
                lastTrigger.Restart();
            }
            await Task.Delay(20);
        }
        watch.Stop();
        return (nodes.Proxy.Bytes - bytes0, watch.Elapsed, nodes.Pids.Sum(SyncCpuTime.OwnSeconds) - cpu0);
    }

    private static bool Same(Dictionary<string, string> expected, Dictionary<string, string> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);

    /// <summary>Null when both destinations hold exactly the truth folder's bytes; otherwise what differs.</summary>
    private static async Task<string?> VerifyAsync(SyncNodePair nodes, SyncTruth truth, string rsyncDestination)
    {
        var files = Directory.GetFiles(truth.Folder, "*", SearchOption.AllDirectories);
        var onB = await SyncNodePair.ListAsync(nodes.B);
        if (onB.Count != files.Length) return $"node B has {onB.Count} files, the source {files.Length}";
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(truth.Folder, file);
            var name = "/" + relative.Replace('\\', '/');
            var hash = await HashFileAsync(file);
            var rsynced = Path.Combine(rsyncDestination, relative);
            if (!File.Exists(rsynced) || await HashFileAsync(rsynced) != hash) return $"rsync's copy of {name} differs";
            if (!onB.TryGetValue(name, out var entry)) return $"node B lacks {name}";
            // Big files are downloaded and hashed here; small ones are checked against the hash B computed on receipt.
            var hashOnB = new FileInfo(file).Length > (64 << 20)
                ? Convert.ToHexString(await nodes.DownloadHashAsync(name))
                : NormalizeHash(entry.Split('|')[0]);
            if (!string.Equals(hashOnB, hash, StringComparison.OrdinalIgnoreCase)) return $"node B's {name} differs";
        }
        return null;
    }

    private static async Task<string> HashFileAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream));
    }

    private static string NormalizeHash(string text)
    {
        if (text.Length == 64) return text;
        try
        {
            return Convert.ToHexString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 10_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:F1} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB"),
    };

    private static string Ratio(double ours, double baseline) =>
        baseline <= 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{ours / baseline:F2}x");

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
