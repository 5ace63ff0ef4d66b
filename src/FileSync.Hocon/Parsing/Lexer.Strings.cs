using System.Globalization;
using System.Text;

namespace FileSync.Hocon.Parsing;

/// <summary>Quoted strings: JSON escapes in <c>"…"</c>, none in <c>"""…"""</c>.</summary>
internal sealed partial class Lexer
{
    private Token ReadQuoted(SourcePosition start)
    {
        if (PeekChar(1) == '"' && PeekChar(2) == '"')
        {
            return ReadTripleQuoted(start);
        }

        Advance();
        return new Token(TokenKind.QuotedString, ReadQuotedBody(start), start);
    }

    /// <summary>Reads after the opening quote up to and including the closing one, handling JSON escapes.</summary>
    private string ReadQuotedBody(SourcePosition start)
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw Error(start, "this quoted string is not closed before the end of the line (use \"\"\" for multi-line strings)");
            }

            var c = Current;
            if (c == '"')
            {
                Advance();
                return builder.ToString();
            }

            if (c == '\\')
            {
                builder.Append(ReadEscape());
                continue;
            }

            builder.Append(c);
            Advance();
        }
    }

    private string ReadEscape()
    {
        var escapePosition = Here;
        Advance();
        if (AtEnd)
        {
            throw Error(escapePosition, "a backslash at the end of the input escapes nothing");
        }

        var c = Current;
        Advance();
        switch (c)
        {
            case '"': return "\"";
            case '\\': return "\\";
            case '/': return "/";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'u':
                var hex = _index + 4 <= _text.Length ? _text.Substring(_index, 4) : "";
                if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error(escapePosition, "\\u must be followed by four hexadecimal digits");
                }

                for (var i = 0; i < 4; i++)
                {
                    Advance();
                }

                return ((char)code).ToString();
            default:
                throw Error(escapePosition, $"'\\{c}' is not a valid escape in a quoted string");
        }
    }

    /// <summary><c>"""…"""</c>: no escapes, may span lines; quotes just before the closing three belong to the string.</summary>
    private Token ReadTripleQuoted(SourcePosition start)
    {
        Advance();
        Advance();
        Advance();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error(start, "this \"\"\" string is not closed before the end of the input");
            }

            if (Current == '"' && PeekChar(1) == '"' && PeekChar(2) == '"')
            {
                while (PeekChar(3) == '"')
                {
                    builder.Append('"');
                    Advance();
                }

                Advance();
                Advance();
                Advance();
                return new Token(TokenKind.QuotedString, builder.ToString(), start);
            }

            builder.Append(Current);
            Advance();
        }
    }
}
