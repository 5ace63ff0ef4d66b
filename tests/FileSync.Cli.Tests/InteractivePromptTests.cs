using System.Text.Json;
using FileSync.Cli.Interactive;
using FileSync.TestSupport;

namespace FileSync.Cli.Tests;

public sealed class InteractivePromptTests
{
    [Fact]
    public async Task Without_a_command_the_prompt_runs_each_typed_line_until_exit()
    {
        var input = "config render hocon/single-node.conf\nconfig render no/such.conf\nexit\nconfig render hocon/single-node.conf\n";

        var result = await CliRun.RunWithInputAsync(input, "127.0.0.1:9000");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Talking to 127.0.0.1:9000", result.Output, StringComparison.Ordinal);
        Assert.Equal(3, result.Output.Split(InteractiveShell.Prompt.TrimEnd()).Length - 1);
        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..(result.Output.LastIndexOf('}') + 1)];
        using var printed = JsonDocument.Parse(json);
        Assert.True(printed.RootElement.TryGetProperty("filesync", out _));
        Assert.Equal("no/such.conf: file not found", result.Error.Trim());
    }

    [Fact]
    public async Task The_prompt_ends_cleanly_at_the_end_of_input()
    {
        var result = await CliRun.RunWithInputAsync("");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(InteractiveShell.Prompt.TrimEnd(), result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_palettes_and_an_unclosed_quote_is_reported_without_leaving()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var shell = new InteractiveShell(CliTarget.Default, new StringReader("help\nconfig render \"oops\nquit\n"), output, error);

        var exitCode = await shell.RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("config", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("the \" quote is not closed", error.ToString().Trim());
    }

    [Fact]
    public async Task Lines_are_split_like_a_shell_so_quoted_paths_may_hold_spaces()
    {
        using var folder = new TempDirectory("filesync cli");
        var file = folder.Combine("my node.conf");
        await File.WriteAllTextAsync(file, "filesync.node.url = \"http://127.0.0.1:8099\"");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var shell = new InteractiveShell(CliTarget.Default, new StringReader($"config render '{file}'\n"), output, error);

        await shell.RunAsync();

        Assert.Equal("", error.ToString());
        Assert.Contains("http://127.0.0.1:8099", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "config")]
    [InlineData("con", "config")]
    [InlineData("config ", "render")]
    [InlineData("config re", "render")]
    [InlineData("ex", "exit")]
    [InlineData("clu", "cluster")]
    [InlineData("cluster ", "down-unreachable")]
    [InlineData("actor ", "hierarchy")]
    [InlineData("actor hierarchy -", "--depth")]
    [InlineData("actor hierarchy --p", "--path")]
    [InlineData("sharding region-stats -", "--region")]
    [InlineData("sync ", "resolve")]
    [InlineData("sync ", "conflicts")]
    [InlineData("sync resolve NorthwindFS /a.txt --strategy ", "RemoteVersion")]
    [InlineData("storage ", "sync")]
    [InlineData("fs ", "put")]
    public void Completion_offers_palettes_commands_and_prompt_words(string line, string expected)
    {
        var completer = new CommandCompleter(CliApplication.BuildRoot(new CliContext(CliTarget.Default, TextWriter.Null, TextWriter.Null)));

        Assert.Contains(expected, completer.Complete(line));
    }

    [Fact]
    public void A_single_candidate_is_filled_in_with_a_trailing_space()
    {
        var completer = new CommandCompleter(CliApplication.BuildRoot(new CliContext(CliTarget.Default, TextWriter.Null, TextWriter.Null)));

        Assert.Equal("config render ", completer.Extend("config re", completer.Complete("config re")));
        Assert.Equal("config ", completer.Extend("con", completer.Complete("con")));
    }

    [Fact]
    public void Words_split_on_whitespace_and_group_inside_quotes()
    {
        Assert.Equal(["config", "render", "a b.conf", "it's"], CommandLineWords.Split("  config render \"a b.conf\"  'it'\"'\"'s' "));
    }
}
