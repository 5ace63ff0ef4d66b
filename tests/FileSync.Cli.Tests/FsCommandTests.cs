using System.Security.Cryptography;
using System.Text.Json;
using FileSync.Cli.Tests.Support;

namespace FileSync.Cli.Tests;

/// <summary><c>fs list|ls|put|get</c> against a real node process.</summary>
[Collection(NodeCollection.Name)]
public sealed class FsCommandTests(TwoNodes nodes)
{
    [Fact]
    public async Task Fs_list_shows_the_file_systems_as_a_table_or_a_json_array()
    {
        var human = await InProcessCli.RunAsync(nodes.A.Target, "fs", "list");
        var json = await InProcessCli.RunAsync(nodes.A.Target, "fs", "list", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("│ Docs ", human.Output, StringComparison.Ordinal);
        Assert.Contains("│ Clash ", human.Output, StringComparison.Ordinal);
        Assert.Equal(["Clash", "Docs", "Files", "Linked"], JsonSerializer.Deserialize<string[]>(json.Output)!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Put_ls_and_get_round_trip_a_file_byte_for_byte()
    {
        var folder = nodes.LocalFolder("roundtrip");
        var local = Path.Combine(folder, "report.bin");
        var content = RandomNumberGenerator.GetBytes(700_000);
        await File.WriteAllBytesAsync(local, content);

        var put = await InProcessCli.RunAsync(nodes.A.Target, "fs", "put", "Files", local, "/reports/report.bin");
        var ls = await InProcessCli.RunAsync(nodes.A.Target, "fs", "ls", "Files");
        var lsJson = await InProcessCli.RunAsync(nodes.A.Target, "fs", "ls", "Files", "--json");
        var copy = Path.Combine(folder, "copy.bin");
        var get = await InProcessCli.RunAsync(nodes.A.Target, "fs", "get", "Files", "/reports/report.bin", copy, "--json");

        Assert.Equal(0, put.ExitCode);
        Assert.StartsWith("uploaded report.bin to Files/reports/report.bin (683.6 KiB, ETag ", put.Output, StringComparison.Ordinal);
        Assert.Contains("│ /reports/report.bin │ 683.6 KiB │", ls.Output, StringComparison.Ordinal);
        using var files = JsonDocument.Parse(lsJson.Output);
        var header = files.RootElement.EnumerateArray().Single(f => f.GetProperty("FullPath").GetString() == "/reports/report.bin");
        Assert.Equal(content.Length, header.GetProperty("TotalSize").GetInt64());
        Assert.Equal(0, get.ExitCode);
        using var got = JsonDocument.Parse(get.Output);
        Assert.Equal(content.Length, got.RootElement.GetProperty("Size").GetInt64());
        Assert.Equal(header.GetProperty("Etag").GetString(), got.RootElement.GetProperty("Etag").GetString());
        Assert.Equal(content, await File.ReadAllBytesAsync(copy));
        Assert.Equal(["copy.bin", "report.bin"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_of_a_missing_file_fails_in_one_line_and_leaves_no_local_file()
    {
        var folder = nodes.LocalFolder("missing");
        var target = Path.Combine(folder, "never.bin");

        var result = await InProcessCli.RunAsync(nodes.A.Target, "fs", "get", "Files", "/no/such.bin", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains("/no/such.bin", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Put_of_a_missing_local_file_says_so()
    {
        var missing = Path.Combine(nodes.LocalFolder("nolocal"), "absent.txt");

        var result = await InProcessCli.RunAsync(nodes.A.Target, "fs", "put", "Files", missing, "/absent.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{missing}: file not found", result.Error.TrimEnd());
    }

    [Fact]
    public async Task Ls_of_an_unknown_file_system_fails_with_the_nodes_sentence()
    {
        var result = await InProcessCli.RunAsync(nodes.A.Target, "fs", "ls", "Nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("File system 'Nope' does not exist.", result.Error.TrimEnd());
    }
}
