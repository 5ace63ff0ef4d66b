using System.Reflection;

namespace FileSync.Hocon;

/// <summary>The reference configuration <c>hocon/filesync.conf</c>, built into this assembly.</summary>
public static class HoconDefaults
{
    /// <summary>Name used for the defaults in error messages and positions.</summary>
    public const string Origin = "hocon/filesync.conf";

    private const string ResourceName = "filesync.conf";

    /// <summary>The defaults, unresolved (their <c>${?FILESYNC_…}</c> environment overrides are read on resolution).</summary>
    public static Config Load() => Hocon.ParseString(ReadText(), Origin);

    /// <summary>The text of the defaults file as shipped.</summary>
    public static string ReadText()
    {
        using var stream = typeof(HoconDefaults).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(HoconDefaults).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Keys under <c>filesync</c> in <paramref name="file"/> that <c>hocon/filesync.conf</c> does not define
    /// (inside objects; list items such as file systems are not checked). Such keys are ignored by every
    /// reader, so callers should warn about them.
    /// </summary>
    public static IReadOnlyList<UnknownSetting> FindUnknownSettings(Config file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return SettingsCheck.FindUnknown(file.UnresolvedRoot, Load().Resolve().Root);
    }

    /// <summary>
    /// The file at <paramref name="path"/> merged over the defaults, resolved; just the defaults when
    /// <paramref name="path"/> is null. Substitutions in the file may refer to default keys.
    /// </summary>
    /// <exception cref="HoconException">The file is missing or invalid, or a substitution cannot be resolved.</exception>
    public static Config LoadWithOverrides(string? path)
    {
        var defaults = Load();
        return path is null ? defaults.Resolve() : Hocon.ParseFile(path).WithFallback(defaults).Resolve();
    }
}
