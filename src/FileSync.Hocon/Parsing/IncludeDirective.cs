namespace FileSync.Hocon.Parsing;

internal enum IncludeSource
{
    /// <summary><c>include "x"</c>: a file next to the including file.</summary>
    Heuristic,
    File,
    Url,
    Classpath,
}

/// <summary>What an <c>include</c> line asks for.</summary>
internal sealed record IncludeDirective(string Name, IncludeSource Source, bool Required, SourcePosition Position);
