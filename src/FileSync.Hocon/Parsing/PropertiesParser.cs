using System.Globalization;
using System.Text;

namespace FileSync.Hocon.Parsing;

/// <summary>
/// Java <c>.properties</c> files for <c>include</c>: <c>a.b=value</c> lines become nested keys with string values.
/// Handles <c>#</c>/<c>!</c> comments, <c>=</c>, <c>:</c> or space separators, backslash escapes and line continuations.
/// When a key is both a value and an object (<c>a=1</c>, <c>a.b=2</c>), the object wins.
/// </summary>
internal static class PropertiesParser
{
    public static HoconObject Parse(string text, string origin)
    {
        var root = new HoconObject(new SourcePosition(origin, 1, 1));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var logical = new StringBuilder(lines[i].TrimStart());
            if (logical.Length == 0 || logical[0] is '#' or '!')
            {
                continue;
            }

            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++i].TrimStart());
            }

            var (key, value) = SplitEntry(logical.ToString(), new SourcePosition(origin, lineNumber, 1));
            Put(root, key.Split('.'), HoconScalar.QuotedString(value, new SourcePosition(origin, lineNumber, 1)));
        }

        return root;
    }

    private static bool EndsWithContinuation(StringBuilder line)
    {
        var backslashes = 0;
        for (var j = line.Length - 1; j >= 0 && line[j] == '\\'; j--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) SplitEntry(string line, SourcePosition position)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < line.Length && line[i] is not ('=' or ':') && !char.IsWhiteSpace(line[i]))
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, key, position);
                continue;
            }

            key.Append(line[i++]);
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        while (i < line.Length)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, value, position);
                continue;
            }

            value.Append(line[i++]);
        }

        return (key.ToString(), value.ToString());
    }

    /// <summary>Appends the character escaped at <paramref name="i"/> (a backslash) and returns the index after it.</summary>
    private static int Unescape(string line, int i, StringBuilder into, SourcePosition position)
    {
        var c = line[i + 1];
        switch (c)
        {
            case 't': into.Append('\t'); return i + 2;
            case 'n': into.Append('\n'); return i + 2;
            case 'r': into.Append('\r'); return i + 2;
            case 'f': into.Append('\f'); return i + 2;
            case 'u':
                if (i + 6 > line.Length || !ushort.TryParse(line.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw new HoconException(position, "\\u must be followed by four hexadecimal digits");
                }

                into.Append((char)code);
                return i + 6;
            default:
                into.Append(c);
                return i + 2;
        }
    }

    private static void Put(HoconObject root, string[] path, HoconScalar value)
    {
        var current = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (!current.TryGetValue(path[i], out var child) || child is not HoconObject childObject)
            {
                childObject = new HoconObject(value.Position);
                current.Set(path[i], childObject);
            }

            current = childObject;
        }

        if (!current.TryGetValue(path[^1], out var existing) || existing is not HoconObject)
        {
            current.Set(path[^1], value);
        }
    }
}
