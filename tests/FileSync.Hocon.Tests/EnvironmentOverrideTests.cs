namespace FileSync.Hocon.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentOverrideTests
{
    [Fact]
    public void Optional_substitution_reads_an_environment_variable_when_no_key_has_that_name()
    {
        using var variable = new EnvironmentVariable("FILESYNC_TEST_HOCON_VALUE", "from-env");

        var config = Hocon.ParseString("a = default\na = ${?FILESYNC_TEST_HOCON_VALUE}", "test.conf");

        Assert.Equal("from-env", config.GetString("a"));
    }

    [Fact]
    public void Required_substitution_falls_back_to_the_environment_too()
    {
        using var variable = new EnvironmentVariable("FILESYNC_TEST_HOCON_HOME", "/home/test");

        Assert.Equal("/home/test/data", Hocon.ParseString("dir = ${FILESYNC_TEST_HOCON_HOME}\"/data\"").GetString("dir"));
    }

    [Fact]
    public void Self_reference_without_an_earlier_value_extends_the_environment_variable()
    {
        using var variable = new EnvironmentVariable("FILESYNC_TEST_HOCON_PATH", "/bin");

        var config = Hocon.ParseString("FILESYNC_TEST_HOCON_PATH = ${FILESYNC_TEST_HOCON_PATH}\":/opt/bin\"");

        Assert.Equal("/bin:/opt/bin", config.GetString("FILESYNC_TEST_HOCON_PATH"));
    }

    [Fact]
    public void Node_url_and_data_dir_defaults_yield_to_their_environment_variables()
    {
        using var url = new EnvironmentVariable("FILESYNC_NODE_URL", "http://127.0.0.1:9999");
        using var dataDir = new EnvironmentVariable("FILESYNC_DATA_DIR", "/tmp/elsewhere");

        var config = HoconDefaults.LoadWithOverrides(null);

        Assert.Equal("http://127.0.0.1:9999", config.GetString("filesync.node.url"));
        Assert.Equal("/tmp/elsewhere", config.GetString("filesync.node.data-dir"));
    }

    [Fact]
    public void Persistence_and_cluster_defaults_yield_to_their_environment_variables()
    {
        using var provider = new EnvironmentVariable("FILESYNC_PERSISTENCE_PROVIDER", "postgresql");
        using var connection = new EnvironmentVariable("FILESYNC_PERSISTENCE_CONNECTION_STRING", "Host=db");
        using var cluster = new EnvironmentVariable("FILESYNC_CLUSTER_POSTGRES", "Host=cluster");

        var config = HoconDefaults.LoadWithOverrides(null);

        Assert.Equal("postgresql", config.GetString("filesync.persistence.provider"));
        Assert.Equal("Host=db", config.GetString("filesync.persistence.connection-string"));
        Assert.Equal("Host=cluster", config.GetString("filesync.cluster.postgres"));
    }

    [Fact]
    public void Without_environment_variables_the_defaults_stay()
    {
        using var url = new EnvironmentVariable("FILESYNC_NODE_URL", null);

        Assert.Equal("http://127.0.0.1:8080", HoconDefaults.LoadWithOverrides(null).GetString("filesync.node.url"));
    }

    /// <summary>Sets (or clears) a variable for the test and restores the old value after.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
