namespace FileSync.Cli.Interactive;

/// <summary>
/// The <c>filesync&gt;</c> prompt: each line is one command as it would follow <c>filesync [host:port]</c>.
/// <c>exit</c>/<c>quit</c> or the end of input leaves; <c>help</c> lists the palettes. A failing command
/// prints its reason and the prompt goes on. On a real terminal Tab completes palette and command names.
/// </summary>
public sealed class InteractiveShell
{
    public const string Prompt = "filesync> ";

    private readonly CliTarget _target;
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public InteractiveShell(CliTarget target, TextReader input, TextWriter output, TextWriter error)
    {
        _target = target;
        _input = input;
        _output = output;
        _error = error;
    }

    public async Task<int> RunAsync(CancellationToken cancellation = default)
    {
        var editor = UsesTerminal
            ? new ConsoleLineEditor(new CommandCompleter(CliApplication.BuildRoot(new CliContext(_target, _output, _error))))
            : null;
        _output.WriteLine($"Talking to {_target}. Type 'help' for commands, 'exit' to leave.");
        while (!cancellation.IsCancellationRequested)
        {
            var line = editor is not null ? editor.ReadLine(Prompt) : await ReadPipedLineAsync(cancellation).ConfigureAwait(false);
            if (line is null || line.Trim() is "exit" or "quit")
            {
                return ExitCodes.Success;
            }

            IReadOnlyList<string> words;
            try
            {
                words = CommandLineWords.Split(line);
            }
            catch (FormatException e)
            {
                await _error.WriteLineAsync(e.Message).ConfigureAwait(false);
                continue;
            }

            if (words.Count == 0)
            {
                continue;
            }

            if (words is ["help"])
            {
                words = ["--help"];
            }

            await CliApplication.RunCommandAsync(_target, words, _output, _error, cancellation).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    // Key-by-key editing (and so completion) only works on an interactive console, not on pipes or test readers.
    private bool UsesTerminal => ReferenceEquals(_input, Console.In) && !Console.IsInputRedirected && !Console.IsOutputRedirected;

    private async Task<string?> ReadPipedLineAsync(CancellationToken cancellation)
    {
        await _output.WriteAsync(Prompt).ConfigureAwait(false);
        await _output.FlushAsync(cancellation).ConfigureAwait(false);
        var line = await _input.ReadLineAsync(cancellation).ConfigureAwait(false);
        if (line is not null)
        {
            await _output.WriteLineAsync().ConfigureAwait(false);
        }

        return line;
    }
}
