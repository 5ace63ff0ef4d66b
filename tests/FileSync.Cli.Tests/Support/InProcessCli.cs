namespace FileSync.Cli.Tests.Support;

/// <summary>Runs one command through <see cref="CliApplication.RunAsync"/> in the test process, capturing stdout and stderr.</summary>
internal static class InProcessCli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exitCode = await CliApplication.RunAsync(args, output, error, TextReader.Null, timeout.Token);
        return new CliResult(exitCode, output.ToString().TrimEnd(), error.ToString());
    }
}
