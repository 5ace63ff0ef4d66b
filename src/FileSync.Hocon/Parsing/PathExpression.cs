using System.Text;

namespace FileSync.Hocon.Parsing;

/// <summary>
/// Builds a <see cref="HoconPath"/> from the tokens of a key or substitution: dots in unquoted text
/// split elements, quoted text is taken whole, whitespace inside the expression is kept.
/// </summary>
internal static class PathExpression
{
    public static HoconPath ParseText(string expression, string origin)
    {
        var lexer = new Lexer(expression, origin);
        var tokens = new List<Token>();
        for (var token = lexer.Next(); token.Kind != TokenKind.End; token = lexer.Next())
        {
            if (token.Kind is not (TokenKind.QuotedString or TokenKind.UnquotedText or TokenKind.Whitespace))
            {
                throw new HoconException(token.Position, $"{token.Describe()} is not allowed in the path '{expression}'");
            }

            tokens.Add(token);
        }

        return FromTokens(tokens, new SourcePosition(origin, 1, 1));
    }

    public static HoconPath FromTokens(IReadOnlyList<Token> tokens, SourcePosition position)
    {
        var trimmed = Trim(tokens);
        if (trimmed.Count == 0)
        {
            throw new HoconException(position, "a path must not be empty");
        }

        var elements = new List<string>();
        var current = new StringBuilder();
        var currentHasQuotes = false;
        foreach (var token in trimmed)
        {
            if (token.Kind != TokenKind.UnquotedText)
            {
                current.Append(token.Text);
                currentHasQuotes |= token.Kind == TokenKind.QuotedString;
                continue;
            }

            var pieces = token.Text.Split('.');
            current.Append(pieces[0]);
            for (var i = 1; i < pieces.Length; i++)
            {
                elements.Add(Finish(current, currentHasQuotes, token.Position));
                current.Clear();
                currentHasQuotes = false;
                current.Append(pieces[i]);
            }
        }

        elements.Add(Finish(current, currentHasQuotes, trimmed[^1].Position));
        return new HoconPath(elements);
    }

    private static string Finish(StringBuilder element, bool quoted, SourcePosition position)
    {
        if (element.Length == 0 && !quoted)
        {
            throw new HoconException(position, "a path has an empty element (two dots in a row, or a leading or trailing dot); quote it as \"\" if you mean an empty key");
        }

        return element.ToString();
    }

    private static List<Token> Trim(IReadOnlyList<Token> tokens)
    {
        var start = 0;
        var end = tokens.Count;
        while (start < end && tokens[start].Kind == TokenKind.Whitespace)
        {
            start++;
        }

        while (end > start && tokens[end - 1].Kind == TokenKind.Whitespace)
        {
            end--;
        }

        return tokens.Skip(start).Take(end - start).ToList();
    }
}
