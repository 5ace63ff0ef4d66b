using System.Text;

namespace FileSync.Cli.Interactive;

/// <summary>
/// Reads one line from a real terminal with Tab completion: one candidate is filled in, several are
/// extended to their common prefix and listed. Backspace edits, Escape clears, Ctrl+D on an empty line ends input.
/// </summary>
internal sealed class ConsoleLineEditor
{
    private readonly CommandCompleter _completer;

    public ConsoleLineEditor(CommandCompleter completer) => _completer = completer;

    public string? ReadLine(string prompt)
    {
        var buffer = new StringBuilder();
        Console.Write(prompt);
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.WriteLine();
                    return buffer.ToString();
                case ConsoleKey.Backspace when buffer.Length > 0:
                    buffer.Length--;
                    Console.Write("\b \b");
                    break;
                case ConsoleKey.Escape:
                    Console.Write(new string('\b', buffer.Length) + new string(' ', buffer.Length) + new string('\b', buffer.Length));
                    buffer.Clear();
                    break;
                case ConsoleKey.Tab:
                    Complete(prompt, buffer);
                    break;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && buffer.Length == 0:
                    Console.WriteLine();
                    return null;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        buffer.Append(key.KeyChar);
                        Console.Write(key.KeyChar);
                    }

                    break;
            }
        }
    }

    private void Complete(string prompt, StringBuilder buffer)
    {
        var line = buffer.ToString();
        var candidates = _completer.Complete(line);
        var extended = _completer.Extend(line, candidates);
        if (extended != line)
        {
            Console.Write(extended[line.Length..]);
            buffer.Clear().Append(extended);
        }
        else if (candidates.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine(string.Join("  ", candidates));
            Console.Write(prompt + line);
        }
    }
}
