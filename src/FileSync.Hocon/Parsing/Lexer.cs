using System.Text;

namespace FileSync.Hocon.Parsing;

/// <summary>
/// Turns HOCON text into tokens on demand, one token of look-ahead. Comments vanish here;
/// newlines stay because they separate fields and array elements.
/// </summary>
internal sealed partial class Lexer
{
    private const string ForbiddenInUnquoted = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _origin;
    private int _index;
    private int _line = 1;
    private int _column = 1;
    private Token? _peeked;

    public Lexer(string text, string origin)
    {
        _text = text;
        _origin = origin;
    }

    public static bool IsForbiddenInUnquoted(char c) => ForbiddenInUnquoted.Contains(c, StringComparison.Ordinal);

    public Token Peek() => _peeked ??= ReadToken();

    public Token Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    public SourcePosition Here => new(_origin, _line, _column);

    public HoconException Error(SourcePosition position, string reason) => new(position, reason);

    private char Current => _index < _text.Length ? _text[_index] : '\0';

    private bool AtEnd => _index >= _text.Length;

    private char PeekChar(int offset) => _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private static bool IsInlineWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private void Advance()
    {
        if (_text[_index] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _index++;
    }

    private bool TryConsumeWord(string word)
    {
        if (!_text.AsSpan(_index).StartsWith(word, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            Advance();
        }

        return true;
    }

    private void SkipInlineWhitespace()
    {
        while (!AtEnd && IsInlineWhitespace(Current))
        {
            Advance();
        }
    }

    private bool AtCommentStart => Current == '#' || (Current == '/' && PeekChar(1) == '/');

    private Token ReadToken()
    {
        if (AtCommentStart)
        {
            while (!AtEnd && Current != '\n')
            {
                Advance();
            }
        }

        var start = Here;
        if (AtEnd)
        {
            return new Token(TokenKind.End, "", start);
        }

        var c = Current;
        switch (c)
        {
            case '\n':
                Advance();
                return new Token(TokenKind.Newline, "\n", start);
            case '{':
                return Single(TokenKind.OpenBrace, start);
            case '}':
                return Single(TokenKind.CloseBrace, start);
            case '[':
                return Single(TokenKind.OpenBracket, start);
            case ']':
                return Single(TokenKind.CloseBracket, start);
            case ',':
                return Single(TokenKind.Comma, start);
            case ':':
            case '=':
                return Single(TokenKind.Separator, start);
            case '+' when PeekChar(1) == '=':
                Advance();
                Advance();
                return new Token(TokenKind.PlusEquals, "+=", start);
            case '"':
                return ReadQuoted(start);
            case '$' when PeekChar(1) == '{':
                return ReadSubstitution(start);
        }

        if (IsInlineWhitespace(c))
        {
            var builder = new StringBuilder();
            while (!AtEnd && IsInlineWhitespace(Current))
            {
                builder.Append(Current);
                Advance();
            }

            return new Token(TokenKind.Whitespace, builder.ToString(), start);
        }

        if (IsForbiddenInUnquoted(c))
        {
            throw Error(start, $"'{c}' is not allowed in an unquoted string; put the value in double quotes");
        }

        return ReadUnquoted(start);
    }

    private Token Single(TokenKind kind, SourcePosition start)
    {
        var text = Current.ToString();
        Advance();
        return new Token(kind, text, start);
    }

    private Token ReadUnquoted(SourcePosition start)
    {
        var builder = new StringBuilder();
        while (!AtEnd)
        {
            var c = Current;
            if (char.IsWhiteSpace(c) || c == '\uFEFF' || AtCommentStart)
            {
                break;
            }

            // Allow the '+' of an exponent (1e+5); elsewhere '+' is reserved for '+='.
            var exponentSign = c == '+' && builder.Length > 1 && builder[^1] is 'e' or 'E'
                && (char.IsAsciiDigit(builder[0]) || builder[0] == '-');
            if (IsForbiddenInUnquoted(c) && !exponentSign)
            {
                break;
            }

            builder.Append(c);
            Advance();
        }

        return new Token(TokenKind.UnquotedText, builder.ToString(), start);
    }

    private Token ReadSubstitution(SourcePosition start)
    {
        Advance();
        Advance();
        var optional = false;
        if (Current == '?')
        {
            optional = true;
            Advance();
        }

        var pathTokens = new List<Token>();
        while (true)
        {
            var tokenStart = Here;
            if (AtEnd || Current == '\n')
            {
                throw Error(start, "this substitution is not closed with '}'");
            }

            if (Current == '}')
            {
                Advance();
                break;
            }

            var token = Current == '"' ? ReadQuoted(tokenStart) : ReadToken();
            if (token.Kind is not (TokenKind.QuotedString or TokenKind.UnquotedText or TokenKind.Whitespace))
            {
                throw Error(token.Position, $"{token.Describe()} is not allowed in a substitution path");
            }

            pathTokens.Add(token);
        }

        var path = PathExpression.FromTokens(pathTokens, start);
        return new Token(TokenKind.Substitution, (optional ? "?" : "") + path, start)
        {
            OptionalSubstitution = optional,
            SubstitutionPath = path,
        };
    }
}
