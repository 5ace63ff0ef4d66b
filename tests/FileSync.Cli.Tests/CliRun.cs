using FileSync.TestSupport;

namespace FileSync.Cli.Tests;

/// <summary>Runs the built <c>filesync.dll</c> as a child process, the way a user would.</summary>
internal static class CliRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string CliAssembly => RepoPaths.ProjectAssembly("FileSync.Cli", "filesync");

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = ChildProcess.Start("dotnet", [CliAssembly, .. args], workingDirectory: RepoPaths.RepoRoot);
        var exitCode = await process.WaitForExitAsync(Timeout);
        var lines = await process.ReadToEndAsync(Timeout);
        return new CliResult(exitCode, string.Join("\n", lines), process.ErrorOutput);
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
