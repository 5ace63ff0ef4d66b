using System.CommandLine;

namespace FileSync.Cli.Interactive;

/// <summary>Completions for a partly typed prompt line: palette names, their commands and options, and the prompt's own words.</summary>
public sealed class CommandCompleter
{
    private static readonly string[] PromptWords = ["exit", "quit", "help"];

    private readonly RootCommand _root;

    public CommandCompleter(RootCommand root) => _root = root;

    /// <summary>The words that can replace the last (partial) word of <paramref name="line"/>, sorted.</summary>
    public IReadOnlyList<string> Complete(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var completions = _root.Parse(line).GetCompletions(line.Length)
            .Select(item => item.InsertText ?? item.Label)
            .Where(word => !word.StartsWith('-') || LastWord(line).StartsWith('-'));
        if (!line.Contains(' ', StringComparison.Ordinal))
        {
            completions = completions.Concat(PromptWords.Where(w => w.StartsWith(line, StringComparison.Ordinal)));
        }

        return completions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The line with its last word completed as far as all candidates agree (unchanged when they do not).</summary>
    public string Extend(string line, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return line;
        }

        var prefix = candidates.Aggregate((a, b) => a[..CommonLength(a, b)]);
        var head = line[..^LastWord(line).Length];
        var extended = head + prefix + (candidates.Count == 1 ? " " : "");
        return extended.Length > line.Length ? extended : line;
    }

    private static string LastWord(string line)
    {
        var space = line.LastIndexOf(' ');
        return space < 0 ? line : line[(space + 1)..];
    }

    private static int CommonLength(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
