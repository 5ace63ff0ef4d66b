using System.CommandLine;
using FileSync.Cli.Output;
using FileSync.Client;

namespace FileSync.Cli;

/// <summary>What every palette's commands share: the target node, the output streams and the global options.</summary>
public sealed class CliContext
{
    /// <summary>Environment variable with the API key sent to nodes that require one.</summary>
    public const string ApiKeyVariable = "FILESYNC_API_KEY";

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
        Error.WriteLine(FailureMessages.OneLine(reason));
        return ExitCodes.Failure;
    }

    /// <summary>
    /// Makes <paramref name="command"/> talk to the target node: <paramref name="body"/> gets a client and the
    /// output; anything that goes wrong becomes one line on stderr and exit code 1.
    /// </summary>
    public void SetNodeAction(Command command, Func<NodeCall, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(body);
        command.SetAction(async (parse, cancellation) =>
        {
            using var store = new FilesStore
            {
                Url = Target.BaseUri.ToString(),
                ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable),
            }.Initialize();
            var output = new CommandOutput(Output, parse.GetValue(JsonOption));
            try
            {
                return await body(new NodeCall(parse, store, output, this, cancellation)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return Fail("cancelled");
            }
            catch (Exception e) when (FailureMessages.Describe(e, Target) is { } reason)
            {
                return Fail(reason);
            }
        });
    }
}

/// <summary>One invocation of a node command: its parsed arguments, a client for the node and where to write.</summary>
public sealed record NodeCall(ParseResult Parse, FilesStore Store, CommandOutput Output, CliContext Context, CancellationToken Cancellation)
{
    /// <summary>Writes the one-line reason to stderr (after whatever the command already printed) and returns exit code 1.</summary>
    public int Fail(string reason) => Context.Fail(reason);

    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;
}
