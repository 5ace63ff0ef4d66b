using System.CommandLine;

namespace FileSync.Cli;

/// <summary>
/// The <c>filesync</c> command line: <c>filesync [host:port] &lt;palette&gt; &lt;command&gt; [options]</c>.
/// The optional first argument picks the node (default 127.0.0.1:8080); the palettes supply the commands.
/// </summary>
public static class CliApplication
{
    /// <summary>Every palette the command line offers.</summary>
    public static IReadOnlyList<IPalette> Palettes { get; } = [new Palettes.ConfigPalette()];

    /// <summary>Runs one command line; output goes to the given writers. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var (target, rest) = SplitTarget(args);
        var context = new CliContext(target, output, error);
        var root = new RootCommand("filesync: command line for FileSync nodes. Usage: filesync [host:port] <palette> <command> [options]");
        root.Options.Add(context.JsonOption);
        foreach (var palette in Palettes)
        {
            root.Subcommands.Add(palette.Build(context));
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(rest).InvokeAsync(invocation, cancellation).ConfigureAwait(false);
    }

    /// <summary>Takes a leading <c>host:port</c> off the arguments.</summary>
    internal static (CliTarget Target, string[] Remaining) SplitTarget(IReadOnlyList<string> args) =>
        args.Count > 0 && CliTarget.TryParse(args[0], out var target)
            ? (target, args.Skip(1).ToArray())
            : (CliTarget.Default, args.ToArray());
}
