using System.Text;
using FileSync.Cli.Tests.Support;
using FileSync.Client;
using FileSync.TestSupport;

namespace FileSync.Cli.Tests;

/// <summary><c>storage sync</c> over a storage link whose remote node is down: the synchronizer ends in error.</summary>
public sealed class StorageFailureTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("filesync-cli-storage-down");
    private readonly int _deadPort = FreePort.Next();
    private CliNode _node = null!;

    public async Task InitializeAsync()
    {
        _node = new CliNode(_folder.Combine("lone"));
        _node.Configure($$"""
              file-systems = [ { name = "Lone" } ]
              storage { file-system = "Lone", remote { url = "http://127.0.0.1:{{_deadPort}}", file-system = "Gone" } }
            """);
        await _node.StartAsync();
    }

    public Task DisposeAsync()
    {
        _node.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_synchronizer_that_ends_in_error_is_exit_1_with_the_phase_reason()
    {
        using (var store = new FilesStore { Url = _node.Url }.Initialize())
        {
            await store.AsyncFilesCommands.ForFileSystem("Lone").UploadAsync("/stuck.txt", new MemoryStream(Encoding.UTF8.GetBytes("nowhere to go")));
        }

        var result = await InProcessCli.RunAsync(_node.Target, "storage", "sync");

        Assert.Equal(1, result.ExitCode);
        var reason = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("push failed: ", reason, StringComparison.Ordinal);
        // The node's own sentence names what could not be reached.
        Assert.Contains($"127.0.0.1:{_deadPort}", reason, StringComparison.Ordinal);
        Assert.Contains("│ synchronizer │ $", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ error ", result.Output, StringComparison.Ordinal);
    }
}
