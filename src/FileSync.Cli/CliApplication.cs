using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using FileSync.Cli.Interactive;

namespace FileSync.Cli;

/// <summary>
/// The <c>filesync</c> command line: <c>filesync [host:port] &lt;palette&gt; &lt;command&gt; [options]</c>.
/// The optional first argument picks the node (default 127.0.0.1:8080); the palettes supply the commands.
/// Without a command it opens the interactive <c>filesync&gt;</c> prompt.
/// </summary>
public static class CliApplication
{
    /// <summary>Every palette the command line offers.</summary>
    public static IReadOnlyList<IPalette> Palettes { get; } =
    [
        new Palettes.ClusterPalette(),
        new Palettes.ActorPalette(),
        new Palettes.ShardingPalette(),
        new Palettes.SyncPalette(),
        new Palettes.StoragePalette(),
        new Palettes.FsPalette(),
        new Palettes.ConfigPalette(),
    ];

    /// <summary>Runs one command line (or the prompt, reading <paramref name="input"/>); returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TextReader? input = null, CancellationToken cancellation = default)
    {
        if (args.Count > 0 && CliTarget.IsMalformed(args[0], out var reason))
        {
            await error.WriteLineAsync(reason).ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var (target, remaining) = SplitTarget(args);
        if (remaining.Length == 0)
        {
            var shell = new InteractiveShell(target, input ?? Console.In, output, error);
            return await shell.RunAsync(cancellation).ConfigureAwait(false);
        }

        return await RunCommandAsync(target, remaining, output, error, cancellation).ConfigureAwait(false);
    }

    /// <summary>Runs one command (palette and command words, no target) against <paramref name="target"/>.</summary>
    public static async Task<int> RunCommandAsync(CliTarget target, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var root = BuildRoot(new CliContext(target, output, error));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            // One line, not the error list plus the whole help text: scripts read stderr.
            // A word that matches nothing says more than the "required command" error it also causes.
            var message = parse.UnmatchedTokens.Count > 0
                ? $"Unrecognized command or argument '{parse.UnmatchedTokens[0]}'."
                : FailureMessages.OneLine(parse.Errors[0].Message);
            await error.WriteLineAsync($"{message} (see '{HelpHint(parse.CommandResult)}')").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(invocation, cancellation).ConfigureAwait(false);
    }

    /// <summary>The command tree: root options plus one sub-command per palette.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("filesync: command line for FileSync nodes. Usage: filesync [host:port] <palette> <command> [options]; without a command: interactive prompt");
        root.Options.Add(context.JsonOption);
        foreach (var palette in Palettes)
        {
            root.Subcommands.Add(palette.Build(context));
        }

        return root;
    }

    /// <summary>"filesync sync start --help" for the command the parser got to.</summary>
    private static string HelpHint(CommandResult command)
    {
        var names = new List<string>();
        for (var current = command; current.Parent is CommandResult parent; current = parent)
        {
            names.Add(current.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', ["filesync", .. names, "--help"]);
    }

    /// <summary>Takes a leading <c>host:port</c> off the arguments.</summary>
    internal static (CliTarget Target, string[] Remaining) SplitTarget(IReadOnlyList<string> args) =>
        args.Count > 0 && CliTarget.TryParse(args[0], out var target)
            ? (target, args.Skip(1).ToArray())
            : (CliTarget.Default, args.ToArray());
}
