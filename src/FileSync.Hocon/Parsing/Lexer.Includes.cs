namespace FileSync.Hocon.Parsing;

/// <summary>Reading the target of an <c>include</c>, which has its own little syntax (<c>required(file("x"))</c>).</summary>
internal sealed partial class Lexer
{
    /// <summary>
    /// Right after an unquoted <c>include</c> (nothing peeked): true when what follows on the line is an include target,
    /// not a key that happens to be called "include".
    /// </summary>
    public bool AtIncludeTarget()
    {
        if (_peeked is not null)
        {
            return false;
        }

        var i = _index;
        if (i >= _text.Length || !IsInlineWhitespace(_text[i]))
        {
            return false;
        }

        while (i < _text.Length && IsInlineWhitespace(_text[i]))
        {
            i++;
        }

        var rest = _text.AsSpan(i);
        return rest.StartsWith("\"") || rest.StartsWith("file(") || rest.StartsWith("required(")
            || rest.StartsWith("url(") || rest.StartsWith("classpath(");
    }

    /// <summary>Reads <c>"x"</c>, <c>file("x")</c>, <c>required(file("x"))</c> and friends after <c>include</c>.</summary>
    public IncludeDirective ReadIncludeTarget()
    {
        SkipInlineWhitespace();
        var position = Here;
        var required = false;
        if (TryConsumeWord("required("))
        {
            required = true;
            SkipInlineWhitespace();
        }

        var source = IncludeSource.Heuristic;
        if (TryConsumeWord("file("))
        {
            source = IncludeSource.File;
        }
        else if (TryConsumeWord("url("))
        {
            source = IncludeSource.Url;
        }
        else if (TryConsumeWord("classpath("))
        {
            source = IncludeSource.Classpath;
        }

        SkipInlineWhitespace();
        if (Current != '"')
        {
            throw Error(Here, "include expects a quoted file name, e.g. include \"other.conf\"");
        }

        var namePosition = Here;
        Advance();
        var name = ReadQuotedBody(namePosition);
        var closers = (source == IncludeSource.Heuristic ? 0 : 1) + (required ? 1 : 0);
        for (var i = 0; i < closers; i++)
        {
            SkipInlineWhitespace();
            if (Current != ')')
            {
                throw Error(Here, "expected ')' to close the include target");
            }

            Advance();
        }

        return new IncludeDirective(name, source, required, position);
    }
}
