namespace FileSync.Hocon;

/// <summary><c>${path}</c> or <c>${?path}</c>, waiting for resolution.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(HoconPath path, bool optional, HoconPath includePrefix, SourcePosition position)
        : base(position)
    {
        Path = path;
        Optional = optional;
        IncludePrefix = includePrefix;
    }

    /// <summary>The path as written.</summary>
    public HoconPath Path { get; }

    public bool Optional { get; }

    /// <summary>
    /// Where the including file put the file this was written in (root when not included).
    /// The path is looked up under this prefix first, then from the root.
    /// </summary>
    public HoconPath IncludePrefix { get; }

    internal override string KindName => "a substitution";

    public override string ToString() => Optional ? $"${{?{Path}}}" : $"${{{Path}}}";
}
