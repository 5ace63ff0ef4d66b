namespace FileSync.Hocon.Parsing;

internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,

    /// <summary><c>:</c> or <c>=</c>.</summary>
    Separator,
    PlusEquals,
    QuotedString,
    UnquotedText,
    Substitution,
}

/// <summary>One lexical unit. For substitutions, <see cref="SubstitutionPath"/> holds the parsed path.</summary>
internal sealed record Token(TokenKind Kind, string Text, SourcePosition Position)
{
    public bool OptionalSubstitution { get; init; }

    public HoconPath? SubstitutionPath { get; init; }

    /// <summary>How the token reads in an error sentence.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the input",
        TokenKind.Newline => "a newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.QuotedString => $"the string \"{Text}\"",
        TokenKind.Substitution => $"a substitution ${{{Text}}}",
        _ => $"'{Text}'",
    };
}
