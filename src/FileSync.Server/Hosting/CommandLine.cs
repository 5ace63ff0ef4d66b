namespace FileSync.Server.Hosting;

/// <summary>The node's command line: <c>[--config FILE]</c>.</summary>
public sealed record CommandLine(string? ConfigFile)
{
    public const string Usage = "usage: FileSync.Server [--config FILE] | FileSync.Server demo [--data-dir DIR]";

    /// <summary>Parses the arguments or throws <see cref="ArgumentException"/> with a sentence and the usage line.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? config = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--config" or "-c")
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"'{arg}' needs a file name. {Usage}");
                config = args[++i];
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                config = arg["--config=".Length..];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{arg}'. {Usage}");
            }
        }
        if (config is not null && !File.Exists(config))
            throw new ArgumentException($"The configuration file '{config}' does not exist.");
        return new CommandLine(config);
    }
}
