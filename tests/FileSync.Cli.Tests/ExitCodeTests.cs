using System.Text.Json;
using FileSync.Cli.Tests.Support;
using FileSync.TestSupport;

namespace FileSync.Cli.Tests;

/// <summary>
/// The built <c>filesync</c> run as a child process: exit codes, exactly one line on stderr for each kind of
/// failure, and <c>--json</c> output that is nothing but JSON on stdout.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ExitCodeTests(TwoNodes nodes)
{
    [Fact]
    public async Task An_unreachable_node_is_exit_1_with_connection_refused()
    {
        var port = FreePort.Next();

        var result = await CliRun.RunAsync($"127.0.0.1:{port}", "fs", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal($"cannot reach 127.0.0.1:{port}: connection refused\n", result.Error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_file_system_is_exit_1_with_the_nodes_sentence()
    {
        var result = await CliRun.RunAsync(nodes.A.Target, "sync", "destinations", "Nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("File system 'Nope' does not exist.", result.Error.TrimEnd());
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("sync", "start")]
    [InlineData("actor", "hierarchy", "-d", "deep")]
    [InlineData("actor", "hierarchy", "-d", "-1")]
    [InlineData("sync", "file", "Files", "/a.txt", "--to", "ftp://elsewhere", "--fs", "Files")]
    [InlineData("sharding", "region-stats")]
    [InlineData("fs", "lst")]
    public async Task Bad_arguments_are_exit_2_with_one_line_naming_the_help(params string[] args)
    {
        var result = await CliRun.RunAsync([nodes.A.Target, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.EndsWith("--help')", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_refusal_is_exit_1_with_the_problem_detail()
    {
        var result = await CliRun.RunAsync(nodes.A.Target, "cluster", "leave");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"cluster mode is not enabled on this node ({nodes.A.Url} runs single-node), so there is no cluster to leave.", result.Error.TrimEnd());
    }

    [Fact]
    public async Task Json_output_is_one_document_on_stdout_and_nothing_on_stderr()
    {
        var result = await CliRun.RunAsync(nodes.A.Target, "actor", "system", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal("filesync", doc.RootElement.GetProperty("actorSystem").GetString());
    }

    [Fact]
    public async Task The_prompt_runs_node_commands_typed_on_stdin_and_reports_failures_without_leaving()
    {
        var input = "fs list --json\nfs ls Nope\ncluster show\nexit\n";

        var result = await CliRun.RunWithInputAsync(input, nodes.A.Target);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Talking to {nodes.A.Target}", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"Docs\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("cluster (single-node)", result.Output, StringComparison.Ordinal);
        Assert.Equal(4, result.Output.Split(Interactive.InteractiveShell.Prompt.TrimEnd()).Length - 1);
        Assert.Equal("File system 'Nope' does not exist.", result.Error.TrimEnd());
    }
}
