namespace FileSync.Hocon;

/// <summary>
/// Anything wrong with a configuration: bad syntax, a substitution that cannot be resolved, a cycle,
/// or a value of the wrong type. The message always starts with <c>file:line:col: </c> when the place is known.
/// </summary>
public sealed class HoconException : Exception
{
    public HoconException(SourcePosition position, string reason, Exception? inner = null)
        : base($"{position}: {reason}", inner)
    {
        Position = position;
        Reason = reason;
    }

    public SourcePosition Position { get; }

    /// <summary>The file (or other origin) the problem is in.</summary>
    public string Origin => Position.Origin;

    /// <summary>1-based line, or 0 when not tied to a place in the text.</summary>
    public int Line => Position.Line;

    /// <summary>1-based column, or 0 when not tied to a place in the text.</summary>
    public int Column => Position.Column;

    /// <summary>The message without its position prefix.</summary>
    public string Reason { get; }
}
