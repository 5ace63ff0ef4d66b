namespace FileSync.Hocon;

public enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A string, number, boolean or null. <see cref="Text"/> is the value as written (numbers keep their digits).</summary>
public sealed class HoconScalar : HoconValue
{
    internal HoconScalar(HoconScalarKind kind, string text, SourcePosition position, bool wasUnquoted = false, bool isWhitespace = false)
        : base(position)
    {
        Kind = kind;
        Text = text;
        WasUnquoted = wasUnquoted;
        IsWhitespace = isWhitespace;
    }

    public HoconScalarKind Kind { get; }

    /// <summary>The value as text: strings as they are, numbers as written, <c>true</c>/<c>false</c>, <c>null</c>.</summary>
    public string Text { get; }

    /// <summary>True when the value was an unquoted word in the source (so <c>on</c> reads as a boolean intent).</summary>
    public bool WasUnquoted { get; }

    /// <summary>Whitespace between parts of a concatenation; it counts in string concatenations only.</summary>
    internal bool IsWhitespace { get; }

    internal override string KindName => Kind switch
    {
        HoconScalarKind.Number => "a number",
        HoconScalarKind.Boolean => "a boolean",
        HoconScalarKind.Null => "null",
        _ => "a string",
    };

    internal static HoconScalar QuotedString(string text, SourcePosition position) => new(HoconScalarKind.String, text, position);

    /// <summary>An unquoted word on its own: <c>true</c>, <c>42</c>, <c>null</c> get their JSON types, anything else is a string.</summary>
    internal static HoconScalar FromUnquoted(string text, SourcePosition position)
    {
        if (text is "true" or "false")
        {
            return new HoconScalar(HoconScalarKind.Boolean, text, position, wasUnquoted: true);
        }

        if (text == "null")
        {
            return new HoconScalar(HoconScalarKind.Null, text, position, wasUnquoted: true);
        }

        return new HoconScalar(IsJsonNumber(text) ? HoconScalarKind.Number : HoconScalarKind.String, text, position, wasUnquoted: true);
    }

    internal static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var intStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && text[intStart] == '0'))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fracStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == fracStart)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var expStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == expStart)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
