using Microsoft.Extensions.Configuration;

namespace FileSync.Hocon.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class ConfigurationProviderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Keys_flatten_with_colons_and_list_items_get_indexes()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(Hocon.ParseString("filesync { node.url = \"http://x\", security.api-keys = [k1, k2], empty = [] }"))
            .Build();

        Assert.Equal("http://x", configuration["filesync:node:url"]);
        Assert.Equal("k1", configuration["filesync:security:api-keys:0"]);
        Assert.Equal("k2", configuration["filesync:security:api-keys:1"]);
        Assert.Null(configuration["filesync:empty"]);
    }

    [Fact]
    public void Durations_and_sizes_stay_strings_and_unquoted_on_off_become_booleans()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(Hocon.ParseString("interval = 60s, size = 8KiB, enabled = on, disabled = off, word = \"on\""))
            .Build();

        Assert.Equal("60s", configuration["interval"]);
        Assert.Equal(TimeSpan.FromMinutes(1), HoconValues.ParseDuration(configuration["interval"]!));
        Assert.Equal("8KiB", configuration["size"]);
        Assert.Equal("true", configuration["enabled"]);
        Assert.Equal("false", configuration["disabled"]);
        Assert.Equal("on", configuration["word"]);
    }

    [Fact]
    public void Options_bind_to_pascal_case_properties_from_kebab_case_keys()
    {
        var file = _folder.Write("node.conf", """
            filesync {
              node.data-dir = "/srv/data"
              file-systems = [
                { name = "NorthwindFS", destinations = [ { url = "http://b:8081", file-system = "SlaveNorthwindFS" } ] }
              ]
            }
            """);

        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();
        var options = configuration.GetSection("filesync").Get<FileSyncOptions>()!;

        Assert.Equal("/srv/data", options.Node.DataDir);
        Assert.Equal("http://127.0.0.1:8080", options.Node.Url);
        Assert.True(options.Persistence.AutoInitialize);
        Assert.Equal(100, options.Persistence.BatchSize);
        var fileSystem = Assert.Single(options.FileSystems);
        Assert.Equal("NorthwindFS", fileSystem.Name);
        Assert.Equal("SlaveNorthwindFS", Assert.Single(fileSystem.Destinations).FileSystem);
    }

    [Fact]
    public void A_file_without_defaults_has_only_its_own_keys()
    {
        var file = _folder.Write("plain.conf", "a = 1");

        var configuration = new ConfigurationBuilder().AddHoconFile(file, withDefaults: false).Build();

        Assert.Equal("1", configuration["a"]);
        Assert.Null(configuration["filesync:node:url"]);
    }

    [Fact]
    public void A_bad_file_fails_the_build_with_its_position()
    {
        var file = _folder.Write("bad.conf", "a = {");

        var error = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(file).Build());

        Assert.Equal((file, 1, 5), (error.Origin, error.Line, error.Column));
    }

    private sealed class FileSyncOptions
    {
        public NodeOptions Node { get; set; } = new();

        public PersistenceOptions Persistence { get; set; } = new();

        public List<FileSystemOptions> FileSystems { get; set; } = [];
    }

    private sealed class NodeOptions
    {
        public string Url { get; set; } = "";

        public string DataDir { get; set; } = "";
    }

    private sealed class PersistenceOptions
    {
        public bool AutoInitialize { get; set; }

        public int BatchSize { get; set; }
    }

    private sealed class FileSystemOptions
    {
        public string Name { get; set; } = "";

        public List<DestinationOptions> Destinations { get; set; } = [];
    }

    private sealed class DestinationOptions
    {
        public string Url { get; set; } = "";

        public string FileSystem { get; set; } = "";
    }
}
