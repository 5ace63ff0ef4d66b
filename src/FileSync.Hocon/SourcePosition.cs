namespace FileSync.Hocon;

/// <summary>Where a piece of HOCON text came from: the file (or other origin) and a 1-based line and column.</summary>
/// <remarks>A line of 0 means "no particular place", e.g. a value made up by a merge.</remarks>
public readonly record struct SourcePosition(string Origin, int Line, int Column)
{
    public static SourcePosition Unknown(string origin) => new(origin, 0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{Origin}:{Line}:{Column}" : Origin;
}
