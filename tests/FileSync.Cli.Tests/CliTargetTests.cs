namespace FileSync.Cli.Tests;

public sealed class CliTargetTests
{
    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("localhost:8081", "localhost", 8081)]
    [InlineData("node-b.example:1", "node-b.example", 1)]
    public void Host_and_port_parse(string text, string host, int port)
    {
        Assert.True(CliTarget.TryParse(text, out var target));
        Assert.Equal(new CliTarget(host, port), target);
        Assert.Equal(new Uri($"http://{host}:{port}/"), target.BaseUri);
    }

    [Theory]
    [InlineData("config")]
    [InlineData("host:")]
    [InlineData(":8080")]
    [InlineData("host:70000")]
    [InlineData("host:http")]
    [InlineData("--json")]
    public void Other_words_are_not_targets(string text)
    {
        Assert.False(CliTarget.TryParse(text, out _));
    }

    [Fact]
    public void The_default_target_is_the_local_node_on_8080()
    {
        Assert.Equal("127.0.0.1:8080", CliTarget.Default.ToString());
    }
}
