using System.Globalization;
using FileSync.TestSupport;

namespace FileSync.Acceptance.Support;

/// <summary>
/// One node as a real process: <c>dotnet FileSync.Server.dll --config &lt;node.conf&gt;</c> on a loopback port
/// chosen up front (so other nodes can name it as a destination before it starts, and it keeps it across
/// restarts). Ready once it prints <c>Now listening on:</c>.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);
    private ChildProcess? _process;

    private NodeProcess(string name, string folder, int port)
    {
        Name = name;
        Folder = folder;
        Port = port;
    }

    public string Name { get; }

    /// <summary>Holds the node's config file and its data directory (kept across restarts).</summary>
    public string Folder { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string ConfigFile => Path.Combine(Folder, "node.conf");

    public string DataDirectory => Path.Combine(Folder, "data");

    public int Pid => Current.Id;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the node printed so far (for failure messages).</summary>
    public string Output => _process is null ? "" : string.Join('\n', _process.OutputLines) + "\n" + _process.ErrorOutput;

    private ChildProcess Current => _process ?? throw new InvalidOperationException($"Node {Name} is not running.");

    /// <summary>A node that is configured but not started yet (its port is reserved by number only).</summary>
    public static NodeProcess Define(string name, string parentFolder)
    {
        var folder = Path.Combine(parentFolder, name);
        Directory.CreateDirectory(folder);
        return new NodeProcess(name, folder, FreePort.Next());
    }

    /// <summary>Writes the node's config: <paramref name="body"/> goes inside <c>filesync { … }</c> after url and data dir.</summary>
    public void Configure(string body)
    {
        File.WriteAllText(ConfigFile, $$"""
            filesync {
              node { url = "{{Url}}", data-dir = "{{DataDirectory}}" }
              logging.level = Warning
            {{body}}
            }
            """);
    }

    public async Task StartAsync()
    {
        if (IsRunning) throw new InvalidOperationException($"Node {Name} is already running.");
        _process?.Dispose();
        var process = ChildProcess.StartNode("--config", ConfigFile);
        _process = process;
        try
        {
            await process.WaitForLineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal), StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Node {Name} did not start on {Url}: {e.Message}\n{Output}", e);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut.</summary>
    public async Task KillHardAsync()
    {
        var process = Current;
        process.KillHard();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts the node again on the same port, config and data directory.</summary>
    public Task RestartAsync() => StartAsync();

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        _process = null;
        return ValueTask.CompletedTask;
    }
}
