using System.Globalization;
using FileSync.TestSupport;

namespace FileSync.Cli.Tests.Support;

/// <summary>
/// One node as a real process (<c>dotnet FileSync.Server.dll --config node.conf</c>) on a loopback port picked
/// up front, so another node's config can name it before it starts. Ready once it prints <c>Now listening on:</c>.
/// </summary>
public sealed class CliNode : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);
    private ChildProcess? _process;

    public CliNode(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        Port = FreePort.Next();
    }

    public string Folder { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The <c>host:port</c> word that picks this node on the command line.</summary>
    public string Target => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Writes the config: <paramref name="body"/> goes inside <c>filesync { … }</c>. Background passes are off
    /// (hourly interval, no change-triggered pass), so every synchronization a test sees is one it started.
    /// </summary>
    public void Configure(string body) =>
        File.WriteAllText(Path.Combine(Folder, "node.conf"), $$"""
            filesync {
              node { url = "{{Url}}", data-dir = "{{Path.Combine(Folder, "data")}}" }
              logging.level = Warning
              synchronization { interval = 1h, change-delay = 0ms }
            {{body}}
            }
            """);

    public async Task StartAsync()
    {
        var process = ChildProcess.StartNode("--config", Path.Combine(Folder, "node.conf"));
        _process = process;
        try
        {
            await process.WaitForLineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal), StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The node on {Url} did not start: {e.Message}\n{string.Join('\n', process.OutputLines)}", e);
        }
    }

    public void Dispose()
    {
        _process?.Dispose();
        _process = null;
    }
}
