namespace FileSync.Hocon.Parsing;

/// <summary>
/// Finds and parses the file an <c>include</c> names, relative to the including file. A name without
/// an extension loads <c>.properties</c>, <c>.json</c> and <c>.conf</c> if present, later ones winning.
/// A missing file is skipped unless the include is <c>required(...)</c>.
/// </summary>
internal static class Includer
{
    private static readonly string[] KnownExtensions = [".properties", ".json", ".conf"];

    public static HoconObject Load(IncludeDirective directive, ParseContext context, HoconPath location)
    {
        if (directive.Source is IncludeSource.Url or IncludeSource.Classpath)
        {
            throw new HoconException(directive.Position, $"include {directive.Source.ToString().ToLowerInvariant()}(...) is not supported; include files by path");
        }

        if (context.IncludeChain.Count >= ParseContext.MaxIncludeDepth)
        {
            throw new HoconException(directive.Position, $"includes are nested more than {ParseContext.MaxIncludeDepth} deep");
        }

        var candidates = HasKnownExtension(directive.Name)
            ? [directive.Name]
            : KnownExtensions.Select(extension => directive.Name + extension).ToArray();

        var result = new HoconObject(directive.Position);
        var foundAny = false;
        foreach (var candidate in candidates)
        {
            var fullPath = Path.GetFullPath(candidate, context.Directory ?? Directory.GetCurrentDirectory());
            if (!File.Exists(fullPath))
            {
                continue;
            }

            foundAny = true;
            if (context.IncludeChain.Contains(fullPath, StringComparer.Ordinal))
            {
                throw new HoconException(directive.Position, $"include cycle: {string.Join(" -> ", context.IncludeChain.Append(fullPath).Select(Path.GetFileName))}");
            }

            var included = ParseOne(candidate, fullPath, directive, context, location);
            foreach (var (key, value) in included.Fields)
            {
                result.Define(key, value);
            }
        }

        if (!foundAny && directive.Required)
        {
            throw new HoconException(directive.Position, $"required include '{directive.Name}' was not found (looked for {string.Join(", ", candidates)} in {context.Directory ?? Directory.GetCurrentDirectory()})");
        }

        return result;
    }

    private static HoconObject ParseOne(string candidate, string fullPath, IncludeDirective directive, ParseContext context, HoconPath location)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(directive.Position, $"cannot read included file '{candidate}': {e.Message}", e);
        }

        var origin = context.Directory is null || Path.IsPathRooted(candidate)
            ? candidate
            : Path.Combine(Path.GetDirectoryName(context.Origin) ?? "", candidate);
        if (fullPath.EndsWith(".properties", StringComparison.OrdinalIgnoreCase))
        {
            return PropertiesParser.Parse(text, origin);
        }

        var childContext = new ParseContext(origin, Path.GetDirectoryName(fullPath), location, [.. context.IncludeChain, fullPath]);
        return Parser.ParseDocument(text, childContext);
    }

    private static bool HasKnownExtension(string name) =>
        KnownExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
}
