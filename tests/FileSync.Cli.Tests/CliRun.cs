using System.Diagnostics;
using FileSync.TestSupport;

namespace FileSync.Cli.Tests;

/// <summary>Runs the built <c>filesync.dll</c> as a child process, the way a user would.</summary>
internal static class CliRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string CliAssembly => RepoPaths.ProjectAssembly("FileSync.Cli", "filesync");

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs with <paramref name="input"/> written to stdin, which is then closed.</summary>
    public static async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.RepoRoot,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"filesync {string.Join(' ', args)} did not exit within {Timeout}");
        }

        return new CliResult(process.ExitCode, (await output).TrimEnd(), await error);
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
