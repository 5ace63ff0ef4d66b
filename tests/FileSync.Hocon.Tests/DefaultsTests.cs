namespace FileSync.Hocon.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class DefaultsTests
{
    [Fact]
    public void The_embedded_defaults_are_the_repo_file_byte_for_byte()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepoFolder.Hocon, "filesync.conf")), HoconDefaults.ReadText());
    }

    [Fact]
    public void Defaults_hold_every_documented_key_with_its_default()
    {
        var config = HoconDefaults.LoadWithOverrides(null).GetConfig("filesync");

        Assert.Equal("http://127.0.0.1:8080", config.GetString("node.url"));
        Assert.Equal("./data", config.GetString("node.data-dir"));
        Assert.Equal("", config.GetString("node.server-id"));
        Assert.Empty(config.GetConfigList("file-systems"));
        Assert.Equal(TimeSpan.FromSeconds(60), config.GetDuration("synchronization.interval"));
        Assert.Equal(5, config.GetInt("synchronization.max-per-destination"));
        Assert.Equal(TimeSpan.FromMinutes(10), config.GetDuration("synchronization.lock-timeout"));
        Assert.Equal("sqlite", config.GetString("persistence.provider"));
        Assert.Equal("", config.GetString("persistence.connection-string"));
        Assert.True(config.GetBoolean("persistence.auto-initialize"));
        Assert.Equal(100, config.GetInt("persistence.batch-size"));
        Assert.Equal(500, config.GetInt("persistence.snapshot-every"));
        Assert.Equal(2048, config.GetByteSize("chunk-store.min-chunk"));
        Assert.Equal(8192, config.GetByteSize("chunk-store.avg-chunk"));
        Assert.Equal(65536, config.GetByteSize("chunk-store.max-chunk"));
        Assert.Equal("", config.GetString("storage.file-system"));
        Assert.Equal("", config.GetString("storage.remote.url"));
        Assert.Equal("", config.GetString("storage.remote.file-system"));
        Assert.Equal("", config.GetString("storage.remote.api-key"));
        Assert.False(config.GetBoolean("cluster.enabled"));
        Assert.Equal("", config.GetString("cluster.postgres"));
        Assert.Equal(TimeSpan.FromSeconds(15), config.GetDuration("cluster.lease-ttl"));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetDuration("cluster.heartbeat"));
        Assert.Empty(config.GetStringList("security.api-keys"));
        Assert.Equal(30, config.GetInt("kernel.throughput"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetDuration("kernel.ask-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetDuration("kernel.shutdown-timeout"));
        Assert.Equal("Information", config.GetString("logging.level"));
        Assert.Equal(1.0, config.GetDouble("test.timefactor"));
    }

    [Fact]
    public void Every_key_in_the_defaults_file_has_a_comment_line_above_it_or_beside_it()
    {
        var lines = HoconDefaults.ReadText().Split('\n');
        var uncommented = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var isSetting = line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#') && !line.Contains("${?", StringComparison.Ordinal);
            var commented = line.Contains('#', StringComparison.Ordinal) || (i > 0 && lines[i - 1].Trim().StartsWith('#'));
            if (isSetting && !commented)
            {
                uncommented.Add($"line {i + 1}: {line}");
            }
        }

        Assert.True(uncommented.Count == 0, string.Join("\n", uncommented));
    }

    [Fact]
    public void A_node_file_overrides_some_defaults_and_keeps_the_rest()
    {
        var config = HoconDefaults.LoadWithOverrides(Path.Combine(RepoFolder.Hocon, "single-node.conf"));

        Assert.Equal("./data/node-a", config.GetString("filesync.node.data-dir"));
        Assert.Equal("NorthwindFS", config.GetConfigList("filesync.file-systems")[0].GetString("name"));
        Assert.Equal(TimeSpan.FromSeconds(60), config.GetDuration("filesync.synchronization.interval"));
        Assert.Equal("sqlite", config.GetString("filesync.persistence.provider"));
    }

    [Fact]
    public void Every_file_in_the_hocon_folder_resolves_over_the_defaults()
    {
        var files = Directory.GetFiles(RepoFolder.Hocon, "*.conf");

        Assert.Contains(files, f => f.EndsWith("single-node.conf", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.True(HoconDefaults.LoadWithOverrides(file).HasPath("filesync.node.url"), file);
        }
    }
}
