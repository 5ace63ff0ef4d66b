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

    [Theory]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:0")]
    public void An_address_with_a_port_out_of_range_is_malformed_with_a_sentence(string text)
    {
        Assert.True(CliTarget.IsMalformed(text, out var reason));
        Assert.Contains("port must be 1–65535", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("config")]
    [InlineData("host:http")]
    [InlineData("--json")]
    public void Valid_targets_and_other_words_are_not_malformed(string text)
    {
        Assert.False(CliTarget.IsMalformed(text, out _));
    }

    [Theory]
    [InlineData(new[] { "127.0.0.1:99999", "fs", "list" }, "port must be 1–65535")]
    [InlineData(new[] { "bogus" }, "Unrecognized command or argument 'bogus'")]
    [InlineData(new[] { "fs", "bogus" }, "Unrecognized command or argument 'bogus'")]
    public async Task Bad_words_exit_2_with_the_word_named_on_one_line(string[] args, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error);
        Assert.Equal(ExitCodes.BadArguments, code);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_target_is_the_local_node_on_8080()
    {
        Assert.Equal("127.0.0.1:8080", CliTarget.Default.ToString());
    }
}
