using System.Diagnostics;
using System.Globalization;
using FileSync.TestSupport;

namespace FileSync.Benchmarks;

/// <summary>
/// An rsync daemon on 127.0.0.1 serving one writable module (<c>uid = root</c>, <c>use chroot = no</c>), so the
/// client really runs the delta algorithm (a local copy would default to <c>--whole-file</c>).
/// </summary>
public sealed class SyncRsyncDaemon : IDisposable
{
    public const string Module = "bench";
    private readonly ChildProcess _daemon;

    private SyncRsyncDaemon(ChildProcess daemon, int port, string destination)
    {
        _daemon = daemon;
        Port = port;
        Destination = destination;
    }

    public int Port { get; }

    /// <summary>The folder the module writes into.</summary>
    public string Destination { get; }

    /// <summary>Null when rsync is installed; otherwise the sentence saying how to install it.</summary>
    public static string? MissingReason()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            if (File.Exists(Path.Combine(dir, "rsync"))) return File.Exists("/usr/bin/time") ? null : "GNU time (/usr/bin/time) is missing: install it with `apt-get install -y time`.";
        }
        return "rsync is not installed, so the baseline cannot run: install it with `apt-get install -y rsync` and run the suite again.";
    }

    public static async Task<SyncRsyncDaemon> StartAsync(string folder)
    {
        var destination = Path.Combine(folder, "module");
        Directory.CreateDirectory(destination);
        var config = Path.Combine(folder, "rsyncd.conf");
        await File.WriteAllTextAsync(config, $"""
            pid file = {Path.Combine(folder, "rsyncd.pid")}
            log file = {Path.Combine(folder, "rsyncd.log")}
            [{Module}]
                path = {destination}
                read only = no
                uid = root
                gid = root
                use chroot = no
            """);
        var port = FreePort.Next();
        var daemon = ChildProcess.Start("rsync",
            ["--daemon", "--no-detach", $"--config={config}", "--address=127.0.0.1", $"--port={port.ToString(CultureInfo.InvariantCulture)}"]);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return new SyncRsyncDaemon(daemon, port, destination);
            }
            catch (System.Net.Sockets.SocketException)
            {
                if (daemon.HasExited) break;
                await Task.Delay(50);
            }
        }
        daemon.Dispose();
        throw new InvalidOperationException($"The rsync daemon did not start on port {port}: {daemon.ErrorOutput}");
    }

    /// <summary>The flags every run uses: archive, delete extras, and fsync so the copy is as durable as a node's.</summary>
    public static readonly string[] Flags = ["-a", "--delete", "--fsync"];

    public int Pid => _daemon.Id;

    /// <summary>
    /// Pushes <paramref name="source"/> into the module through <paramref name="port"/> (the counting proxy);
    /// returns the wall time, the CPU seconds of the client and of the daemon's session, and the client's peak RSS.
    /// </summary>
    public async Task<(TimeSpan Wall, double CpuSeconds, long ClientPeakBytes)> PushAsync(string source, int port, string scratch)
    {
        var usage = Path.Combine(scratch, "rsync-usage.txt");
        var daemonCpu0 = SyncCpuTime.ChildrenSeconds(Pid);
        var watch = Stopwatch.StartNew();
        using var rsync = ChildProcess.Start("/usr/bin/time",
            ["-f", "%U %S %M", "-o", usage, "rsync", .. Flags, source.TrimEnd('/') + "/",
             $"rsync://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{Module}/"]);
        var exit = await rsync.WaitForExitAsync(TimeSpan.FromMinutes(10));
        watch.Stop();
        if (exit != 0) throw new InvalidOperationException($"rsync exited with {exit}: {rsync.ErrorOutput}");
        // The daemon reaps its session process just after the client is done.
        await Task.Delay(200);
        var fields = (await File.ReadAllTextAsync(usage)).Trim().Split('\n')[^1].Split(' ');
        var clientCpu = double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture);
        var peak = long.Parse(fields[2], CultureInfo.InvariantCulture) * 1024;
        return (watch.Elapsed, clientCpu + SyncCpuTime.ChildrenSeconds(Pid) - daemonCpu0, peak);
    }

    public void Dispose() => _daemon.Dispose();
}
