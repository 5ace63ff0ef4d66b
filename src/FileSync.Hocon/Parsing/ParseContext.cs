namespace FileSync.Hocon.Parsing;

/// <summary>What a parse needs to know besides the text: names for errors, where includes are looked up.</summary>
/// <param name="Origin">Name used in error positions (usually the file path as the user gave it).</param>
/// <param name="Directory">Folder that relative includes start from; null means the current directory.</param>
/// <param name="IncludePrefix">Where in the including document this text lands (root for a top-level file).</param>
/// <param name="IncludeChain">Full paths of the files being parsed, outermost first, to catch include cycles.</param>
internal sealed record ParseContext(string Origin, string? Directory, HoconPath IncludePrefix, IReadOnlyList<string> IncludeChain)
{
    public const int MaxIncludeDepth = 50;

    public static ParseContext ForText(string origin) => new(origin, null, HoconPath.Root, []);

    public static ParseContext ForFile(string path) =>
        new(path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)), HoconPath.Root, [System.IO.Path.GetFullPath(path)]);
}
