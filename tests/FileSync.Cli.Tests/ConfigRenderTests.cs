using System.Text.Json;
using FileSync.Hocon;
using FileSync.TestSupport;

namespace FileSync.Cli.Tests;

public sealed class ConfigRenderTests
{
    public static TheoryData<string> HoconFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "hocon"), "*.conf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HoconFiles))]
    public async Task Config_render_prints_the_file_merged_over_the_defaults_as_json(string file)
    {
        var result = await CliRun.RunAsync("config", "render", file);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Equal("", result.Error);
        using var printed = JsonDocument.Parse(result.Output);
        var filesync = printed.RootElement.GetProperty("filesync");
        Assert.StartsWith("http://", filesync.GetProperty("node").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, filesync.GetProperty("file-systems").ValueKind);
        Assert.Equal(
            HoconDefaults.LoadWithOverrides(Path.Combine(RepoPaths.RepoRoot, file)).ToJson(indented: false),
            JsonSerializer.Serialize(printed.RootElement));
    }

    [Fact]
    public async Task Config_render_keeps_defaults_the_file_does_not_mention()
    {
        var result = await CliRun.RunAsync("config", "render", "hocon/single-node.conf");

        using var printed = JsonDocument.Parse(result.Output);
        var filesync = printed.RootElement.GetProperty("filesync");
        Assert.Equal("./data/node-a", filesync.GetProperty("node").GetProperty("data-dir").GetString());
        Assert.Equal("60s", filesync.GetProperty("synchronization").GetProperty("interval").GetString());
        Assert.Equal("NorthwindFS", filesync.GetProperty("file-systems")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Config_render_of_a_bad_file_prints_file_line_col_reason_on_stderr_and_exits_1()
    {
        using var folder = new TempDirectory("filesync-cli");
        var file = folder.Combine("bad.conf");
        await File.WriteAllTextAsync(file, "filesync {\n  node.url = \"http://x\"\n  kernel.throughput = ${nowhere}\n}\n");

        var result = await CliRun.RunAsync("config", "render", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith($"{file}:3:23: could not resolve substitution ${{nowhere}}", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Config_render_of_a_syntax_error_names_the_position()
    {
        using var folder = new TempDirectory("filesync-cli");
        var file = folder.Combine("broken.conf");
        await File.WriteAllTextAsync(file, "a = 1\nb = [1, 2\n");

        var result = await CliRun.RunAsync("config", "render", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{file}:2:5: this '[' is never closed", result.Error.Trim());
    }

    [Fact]
    public async Task Config_render_warns_on_stderr_about_keys_the_defaults_do_not_know_and_still_succeeds()
    {
        using var folder = new TempDirectory("filesync-cli");
        var file = folder.Combine("typo.conf");
        await File.WriteAllTextAsync(file, "filesync.node.data-dri = \"/srv\"\n");

        var result = await CliRun.RunAsync("config", "render", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"warning: {file}:1:26: 'filesync.node.data-dri' is not a setting of hocon/filesync.conf; it is ignored", result.Error.Trim());
        using var printed = JsonDocument.Parse(result.Output);
        Assert.Equal("./data", printed.RootElement.GetProperty("filesync").GetProperty("node").GetProperty("data-dir").GetString());
    }

    [Fact]
    public async Task Config_render_of_a_missing_file_says_so_and_exits_1()
    {
        var result = await CliRun.RunAsync("config", "render", "no/such/file.conf");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("no/such/file.conf: file not found", result.Error.Trim());
    }

    [Fact]
    public async Task A_leading_host_and_port_picks_the_node_and_the_command_still_runs()
    {
        var result = await CliRun.RunAsync("10.1.2.3:9000", "config", "render", "hocon/single-node.conf", "--json");

        Assert.Equal(0, result.ExitCode);
        using var printed = JsonDocument.Parse(result.Output);
        Assert.True(printed.RootElement.TryGetProperty("filesync", out _));
    }

}
