using FileSync.Hocon.Parsing;

namespace FileSync.Hocon;

/// <summary>Entry points for reading HOCON text and files.</summary>
public static class Hocon
{
    /// <summary>
    /// Parses HOCON text. The result is not yet resolved: substitutions are looked up on the first read
    /// (or by <see cref="Config.Resolve"/>), so a fallback merged in with <see cref="Config.WithFallback"/> can still supply them.
    /// Includes are looked up relative to the current directory.
    /// </summary>
    /// <param name="origin">Name used in error messages; defaults to "string".</param>
    /// <exception cref="HoconException">The text is not valid HOCON.</exception>
    public static Config ParseString(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Config(Parser.ParseDocument(text, ParseContext.ForText(origin ?? "string")), isResolved: false);
    }

    /// <summary>
    /// Parses a <c>.conf</c>, <c>.json</c> or <c>.properties</c> file; includes are relative to it.
    /// Unresolved, like <see cref="ParseString"/>. Errors name the file as <paramref name="path"/> was given.
    /// </summary>
    /// <exception cref="HoconException">The file is missing, unreadable or not valid HOCON.</exception>
    public static Config ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new HoconException(SourcePosition.Unknown(path), "file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(SourcePosition.Unknown(path), $"cannot read the file: {e.Message}", e);
        }

        var root = path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
            ? PropertiesParser.Parse(text, path)
            : Parser.ParseDocument(text, ParseContext.ForFile(path));
        return new Config(root, isResolved: false);
    }
}
