namespace FileSync.Hocon.Parsing;

/// <summary>
/// Recursive-descent parser from tokens to an unresolved tree. Duplicate keys merge as they are
/// read (<see cref="Merging"/>); substitutions stay in the tree for <see cref="Resolution.Resolver"/>.
/// </summary>
internal sealed class Parser
{
    private readonly Lexer _lexer;
    private readonly ParseContext _context;

    private Parser(string text, ParseContext context)
    {
        _lexer = new Lexer(text, context.Origin);
        _context = context;
    }

    public static HoconObject ParseDocument(string text, ParseContext context) => new Parser(text, context).ParseRoot();

    private HoconObject ParseRoot()
    {
        SkipBlank();
        var first = _lexer.Peek();
        var root = new HoconObject(first.Position);
        if (first.Kind == TokenKind.OpenBracket)
        {
            throw new HoconException(first.Position, "the top of a configuration must be an object, not a list");
        }

        if (first.Kind == TokenKind.OpenBrace)
        {
            _lexer.Next();
            ParseFields(root, _context.IncludePrefix, first);
            SkipBlank();
            var rest = _lexer.Peek();
            if (rest.Kind != TokenKind.End)
            {
                throw new HoconException(rest.Position, $"unexpected {rest.Describe()} after the closing '}}' of the document");
            }
        }
        else
        {
            ParseFields(root, _context.IncludePrefix, opening: null);
        }

        return root;
    }

    /// <summary>Reads fields into <paramref name="target"/> up to the matching '}' (or the end when there are no root braces).</summary>
    private void ParseFields(HoconObject target, HoconPath objectPath, Token? opening)
    {
        while (true)
        {
            SkipBlank();
            var token = _lexer.Peek();
            if (token.Kind == TokenKind.CloseBrace)
            {
                if (opening is null)
                {
                    throw new HoconException(token.Position, "unexpected '}': no object is open here");
                }

                _lexer.Next();
                return;
            }

            if (token.Kind == TokenKind.End)
            {
                if (opening is null)
                {
                    return;
                }

                throw new HoconException(opening.Position, "this '{' is never closed");
            }

            ParseFieldOrInclude(target, objectPath);
            if (!ConsumeSeparator() && _lexer.Peek() is { Kind: not (TokenKind.CloseBrace or TokenKind.End) } after)
            {
                throw new HoconException(after.Position, $"expected ',' or a newline after a field, found {after.Describe()}");
            }
        }
    }

    private void ParseFieldOrInclude(HoconObject target, HoconPath objectPath)
    {
        var keyTokens = new List<Token>();
        var first = _lexer.Peek();
        if (first is { Kind: TokenKind.UnquotedText, Text: "include" })
        {
            _lexer.Next();
            if (_lexer.AtIncludeTarget())
            {
                Include(_lexer.ReadIncludeTarget(), target, objectPath);
                return;
            }

            keyTokens.Add(first);
        }

        while (_lexer.Peek().Kind is TokenKind.QuotedString or TokenKind.UnquotedText or TokenKind.Whitespace)
        {
            keyTokens.Add(_lexer.Next());
        }

        if (keyTokens.TrueForAll(t => t.Kind == TokenKind.Whitespace))
        {
            var found = _lexer.Peek();
            throw new HoconException(found.Position, $"expected a key, found {found.Describe()}");
        }

        var keyPosition = keyTokens.First(t => t.Kind != TokenKind.Whitespace).Position;
        var key = PathExpression.FromTokens(keyTokens, keyPosition);
        var fieldPath = objectPath.Append(key);
        SkipBlank();
        var separator = _lexer.Peek();
        HoconValue value;
        switch (separator.Kind)
        {
            case TokenKind.Separator:
                _lexer.Next();
                SkipBlank();
                value = ParseValue(fieldPath);
                break;
            case TokenKind.PlusEquals:
                _lexer.Next();
                SkipBlank();
                value = AppendToPrevious(fieldPath, ParseValue(fieldPath), separator.Position);
                break;
            case TokenKind.OpenBrace:
                value = ParseValue(fieldPath);
                break;
            case TokenKind.Substitution:
                throw new HoconException(separator.Position, "a key cannot contain a substitution");
            default:
                throw new HoconException(separator.Position, $"expected ':' or '=' after the key '{key}', found {separator.Describe()}");
        }

        for (var i = key.Count - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(keyPosition);
            wrapper.Define(key.Elements[i], value);
            value = wrapper;
        }

        target.Define(key.Elements[0], value);
    }

    /// <summary><c>a += x</c> means <c>a = ${?a} [x]</c>.</summary>
    private static HoconConcatenation AppendToPrevious(HoconPath fieldPath, HoconValue element, SourcePosition position) =>
        new([new HoconSubstitution(fieldPath, optional: true, HoconPath.Root, position), new HoconArray([element], element.Position)], position);

    /// <summary>A value up to the next newline, ',' or closing bracket; several pieces side by side form a concatenation.</summary>
    private HoconValue ParseValue(HoconPath path)
    {
        var parts = new List<HoconValue>();
        var start = _lexer.Peek();
        while (true)
        {
            var token = _lexer.Peek();
            switch (token.Kind)
            {
                case TokenKind.QuotedString:
                    _lexer.Next();
                    parts.Add(HoconScalar.QuotedString(token.Text, token.Position));
                    continue;
                case TokenKind.UnquotedText:
                    _lexer.Next();
                    parts.Add(HoconScalar.FromUnquoted(token.Text, token.Position));
                    continue;
                case TokenKind.Whitespace:
                    _lexer.Next();
                    parts.Add(new HoconScalar(HoconScalarKind.String, token.Text, token.Position, isWhitespace: true));
                    continue;
                case TokenKind.Substitution:
                    _lexer.Next();
                    parts.Add(new HoconSubstitution(token.SubstitutionPath!, token.OptionalSubstitution, _context.IncludePrefix, token.Position));
                    continue;
                case TokenKind.OpenBrace:
                    _lexer.Next();
                    var nested = new HoconObject(token.Position);
                    ParseFields(nested, path, token);
                    parts.Add(nested);
                    continue;
                case TokenKind.OpenBracket:
                    _lexer.Next();
                    parts.Add(ParseArray(token, path));
                    continue;
                case TokenKind.Separator:
                case TokenKind.PlusEquals:
                    throw new HoconException(token.Position, $"'{token.Text}' is not allowed in an unquoted value; put the value in double quotes");
            }

            break;
        }

        while (parts.Count > 0 && parts[^1] is HoconScalar { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            var found = _lexer.Peek();
            throw new HoconException(found.Position, $"expected a value, found {found.Describe()}");
        }

        return Combine(parts, start.Position);
    }

    private static HoconValue Combine(List<HoconValue> parts, SourcePosition position)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.TrueForAll(p => p is HoconScalar))
        {
            return HoconScalar.QuotedString(string.Concat(parts.Cast<HoconScalar>().Select(p => p.Text)), position);
        }

        return new HoconConcatenation(parts, position);
    }

    private HoconArray ParseArray(Token opening, HoconPath path)
    {
        var items = new List<HoconValue>();
        while (true)
        {
            SkipBlank();
            var token = _lexer.Peek();
            switch (token.Kind)
            {
                case TokenKind.CloseBracket:
                    _lexer.Next();
                    return new HoconArray(items, opening.Position);
                case TokenKind.End:
                    throw new HoconException(opening.Position, "this '[' is never closed");
                case TokenKind.Comma:
                    throw new HoconException(token.Position, "expected a list element, found ','");
            }

            items.Add(ParseValue(path));
            if (!ConsumeSeparator())
            {
                var after = _lexer.Peek();
                switch (after.Kind)
                {
                    case TokenKind.CloseBracket:
                        break;
                    case TokenKind.End:
                        throw new HoconException(opening.Position, "this '[' is never closed");
                    default:
                        throw new HoconException(after.Position, $"expected ',' or ']' in a list, found {after.Describe()}");
                }
            }
        }
    }

    private void Include(IncludeDirective directive, HoconObject target, HoconPath objectPath)
    {
        var included = Includer.Load(directive, _context, objectPath);
        foreach (var (key, value) in included.Fields)
        {
            target.Define(key, value);
        }
    }

    /// <summary>
    /// Consumes what separates two fields or list items: newlines, then at most one comma. False when there was neither
    /// (the caller then expects a closing bracket). Whitespace is skipped either way.
    /// </summary>
    private bool ConsumeSeparator()
    {
        var sawNewline = false;
        while (true)
        {
            switch (_lexer.Peek().Kind)
            {
                case TokenKind.Whitespace:
                    _lexer.Next();
                    continue;
                case TokenKind.Newline:
                    _lexer.Next();
                    sawNewline = true;
                    continue;
                case TokenKind.Comma:
                    _lexer.Next();
                    return true;
                default:
                    return sawNewline;
            }
        }
    }

    private void SkipBlank()
    {
        while (_lexer.Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            _lexer.Next();
        }
    }
}
