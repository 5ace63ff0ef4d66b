using System.Diagnostics;
using FileSync.TestSupport;

namespace FileSync.Server.Tests.Process;

/// <summary>
/// README and API.md §0 start a node with <c>dotnet run --project src/FileSync.Server -- --config hocon/single-node.conf</c>
/// from the repository root: the relative file must be read from the caller's folder, not from the project folder the
/// Web SDK would otherwise run in.
/// </summary>
public sealed class DotnetRunWorkingDirectoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("filesync-run-cwd-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Dotnet_run_reads_a_relative_config_file_from_the_callers_folder()
    {
        // A file that exists only in the caller's folder; its bad URL stops the node at once with a sentence naming
        // the key, which proves the file was found and read (no node is left running).
        await File.WriteAllTextAsync(Path.Combine(_folder, "caller.conf"), "filesync.node.url = \"not-a-url\"\n");
        var project = Path.Combine(RepoPaths.RepoRoot, "src", "FileSync.Server");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "--no-build", "-c", RepoPaths.Configuration, "--project", project, "--", "--config", "caller.conf" })
            start.ArgumentList.Add(arg);

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.DoesNotContain("does not exist", output, StringComparison.Ordinal);
        Assert.Contains("filesync.node.url 'not-a-url'", output, StringComparison.Ordinal);
        Assert.NotEqual(0, process.ExitCode);
    }
}
