using Microsoft.Extensions.Configuration;

namespace FileSync.Hocon.Configuration;

/// <summary>Feeds a HOCON <see cref="Config"/> to Microsoft.Extensions.Configuration.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    public HoconConfigurationSource(Func<Config> load) => Load = load;

    /// <summary>Produces the config when the configuration is built (so parse errors surface at build time).</summary>
    public Func<Config> Load { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
