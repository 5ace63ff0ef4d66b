using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FileSync.Cli.Output;

/// <summary>
/// Where one command writes its result: Spectre.Console renderings for people, or exactly one JSON
/// document on stdout with <c>--json</c> (then nothing else goes to stdout).
/// </summary>
public sealed class CommandOutput
{
    private readonly TextWriter _writer;

    public CommandOutput(TextWriter writer, bool json)
    {
        _writer = writer;
        Json = json;
        Console = CreateConsole(writer);
    }

    public bool Json { get; }

    public IAnsiConsole Console { get; }

    /// <summary>True when a person watches a terminal: live progress displays are worth drawing.</summary>
    public bool IsInteractive => !Json && Console.Profile.Capabilities.Interactive;

    public void WriteJson<T>(T value, JsonSerializerOptions options) =>
        _writer.WriteLine(JsonSerializer.Serialize(value, options));

    public void Write(IRenderable renderable) => Console.Write(renderable);

    /// <summary>One plain line (escaped: names from the node may contain '[' and ']').</summary>
    public void Line(string text) => Console.Write(new Text(text + Environment.NewLine));

    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // Pipes and test writers have no width of their own; wide enough that URLs and paths stay on one line.
        if (!terminal) console.Profile.Width = 200;
        return console;
    }
}
