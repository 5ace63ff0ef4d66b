using System.Text;
using FileSync.Hocon.Parsing;

namespace FileSync.Hocon;

/// <summary>A path into a configuration tree: <c>filesync.node.url</c> is ["filesync", "node", "url"].</summary>
public sealed class HoconPath : IEquatable<HoconPath>
{
    private readonly string[] _elements;

    public static readonly HoconPath Root = new([]);

    internal HoconPath(IEnumerable<string> elements) => _elements = elements.ToArray();

    public IReadOnlyList<string> Elements => _elements;

    public int Count => _elements.Length;

    public bool IsRoot => _elements.Length == 0;

    /// <summary>Parses a path expression such as <c>a.b."c.d"</c>; quoted elements may contain dots.</summary>
    public static HoconPath Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return PathExpression.ParseText(expression, "path expression");
    }

    public HoconPath Append(string element) => new(_elements.Append(element));

    public HoconPath Append(HoconPath tail) => new(_elements.Concat(tail._elements));

    public HoconPath Skip(int count) => new(_elements.Skip(count));

    /// <summary>True when this path is <paramref name="other"/> or lies below it.</summary>
    public bool StartsWith(HoconPath other)
    {
        if (other._elements.Length > _elements.Length)
        {
            return false;
        }

        for (var i = 0; i < other._elements.Length; i++)
        {
            if (!string.Equals(_elements[i], other._elements[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(HoconPath? other) => other is not null && other.Count == Count && StartsWith(other);

    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var element in _elements)
        {
            hash.Add(element, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Renders the path back as an expression, quoting elements that need it.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var element in _elements)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(NeedsQuotes(element) ? $"\"{element.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : element);
        }

        return builder.ToString();
    }

    private static bool NeedsQuotes(string element) =>
        element.Length == 0 || element.Any(c => c == '.' || char.IsWhiteSpace(c) || Lexer.IsForbiddenInUnquoted(c));
}
