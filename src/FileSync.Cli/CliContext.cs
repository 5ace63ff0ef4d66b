using System.CommandLine;

namespace FileSync.Cli;

/// <summary>What every palette's commands share: the target node, the output streams and the global options.</summary>
public sealed class CliContext
{
    public CliContext(CliTarget target, TextWriter output, TextWriter error)
    {
        Target = target;
        Output = output;
        Error = error;
    }

    public CliTarget Target { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary><c>--json</c>: machine-readable output instead of tables; accepted by every command.</summary>
    public Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables",
        Recursive = true,
    };

    /// <summary>Writes a one-line failure reason to stderr and returns the failure exit code.</summary>
    public int Fail(string reason)
    {
        Error.WriteLine(reason);
        return ExitCodes.Failure;
    }
}
