using FileSync.Hocon.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds HOCON configuration to an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds an already parsed config (resolved when the configuration is built).</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, FileSync.Hocon.Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        return builder.Add(new HoconConfigurationSource(() => config));
    }

    /// <summary>
    /// Adds a HOCON file, by default merged over <c>hocon/filesync.conf</c>. The file is read when the
    /// configuration is built; a bad file throws <see cref="FileSync.Hocon.HoconException"/> then.
    /// </summary>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool withDefaults = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(path);
        return builder.Add(new HoconConfigurationSource(() => withDefaults
            ? FileSync.Hocon.HoconDefaults.LoadWithOverrides(path)
            : FileSync.Hocon.Hocon.ParseFile(path).Resolve()));
    }
}
