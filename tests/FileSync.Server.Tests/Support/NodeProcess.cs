using System.Globalization;
using FileSync.TestSupport;

namespace FileSync.Server.Tests.Support;

/// <summary>
/// A node as a real process: <c>dotnet FileSync.Server.dll --config &lt;tmp.conf&gt;</c> on a port the OS
/// picks, ready once it prints <c>Now listening on:</c>. Used where only a real process will do:
/// SIGKILL crashes, SIGTERM shutdown and peak memory.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private NodeProcess(ChildProcess process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int Pid => _process.Id;
    public ChildProcess Process => _process;

    /// <summary>Writes <paramref name="extraHocon"/> after the node and data-dir settings and starts the node.</summary>
    public static async Task<NodeProcess> StartAsync(string folder, string extraHocon = "")
    {
        var config = Path.Combine(folder, "node.conf");
        var dataDir = Path.Combine(folder, "data");
        await File.WriteAllTextAsync(config, $$"""
            filesync {
              node { url = "http://127.0.0.1:0", data-dir = "{{dataDir}}" }
              logging.level = Warning
            }
            {{extraHocon}}
            """);
        var process = ChildProcess.StartNode("--config", config);
        try
        {
            var line = await process.WaitForLineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            var url = line[(line.IndexOf("Now listening on:", StringComparison.Ordinal) + "Now listening on:".Length)..].Trim();
            return new NodeProcess(process, url);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Peak resident set size (VmHWM) in bytes, from /proc.</summary>
    public long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kb * 1024;
        }
        throw new InvalidOperationException($"/proc/{Pid}/status has no VmHWM line.");
    }

    public void KillHard() => _process.KillHard();

    /// <summary>Sends SIGTERM (what systemd and `docker stop` send) and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {Pid} failed with exit code {kill.ExitCode}.");
        }
        return await _process.WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Dispose();
        await Task.CompletedTask;
    }
}
