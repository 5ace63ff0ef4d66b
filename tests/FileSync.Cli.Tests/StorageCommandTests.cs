using System.Text;
using System.Text.Json;
using FileSync.Cli.Tests.Support;

namespace FileSync.Cli.Tests;

/// <summary><c>storage sync|show|list</c> over node A's storage link (A <c>Linked</c> ↔ B <c>Linked</c>).</summary>
[Collection(NodeCollection.Name)]
public sealed class StorageCommandTests(TwoNodes nodes)
{
    [Fact]
    public async Task Storage_sync_follows_push_then_pull_to_completed_and_the_file_reaches_the_remote()
    {
        await nodes.StoreA.AsyncFilesCommands.ForFileSystem("Linked").UploadAsync("/storage/pushed.txt", new MemoryStream(Encoding.UTF8.GetBytes("pushed by a synchronizer")));

        var result = await InProcessCli.RunAsync(nodes.A.Target, "storage", "sync");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var lines = result.Output.Split('\n');
        Assert.StartsWith("synchronizer $", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("push $", StringComparison.Ordinal) && l.TrimEnd().EndsWith(": completed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("pull $", StringComparison.Ordinal) && l.TrimEnd().EndsWith(": completed", StringComparison.Ordinal));
        Assert.Contains("│ synchronizer │ $", result.Output, StringComparison.Ordinal);
        await using var copy = await nodes.StoreB.AsyncFilesCommands.ForFileSystem("Linked").DownloadAsync("/storage/pushed.txt");
        Assert.Equal("pushed by a synchronizer", await new StreamReader(copy.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task Storage_sync_json_prints_only_the_final_synchronizer_and_show_finds_it_again()
    {
        var sync = await InProcessCli.RunAsync(nodes.A.Target, "storage", "sync", "--json");

        Assert.True(sync.ExitCode == 0, sync.Error);
        using var final = JsonDocument.Parse(sync.Output);
        var id = final.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("completed", final.RootElement.GetProperty("state").GetString());
        Assert.Equal("completed", final.RootElement.GetProperty("push").GetProperty("state").GetString());

        var show = await InProcessCli.RunAsync(nodes.A.Target, "storage", "show", id, "--json");
        var human = await InProcessCli.RunAsync(nodes.A.Target, "storage", "show", id);
        var list = await InProcessCli.RunAsync(nodes.A.Target, "storage", "list", "--json");

        using var shown = JsonDocument.Parse(show.Output);
        Assert.Equal(id, shown.RootElement.GetProperty("id").GetString());
        Assert.Contains($"│ synchronizer │ {id}", human.Output, StringComparison.Ordinal);
        using var all = JsonDocument.Parse(list.Output);
        Assert.Contains(all.RootElement.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Storage_show_of_an_unknown_id_fails_with_the_nodes_error_message()
    {
        var result = await InProcessCli.RunAsync(nodes.A.Target, "storage", "show", "$999999+1000000");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("$999999+1000000", Assert.Single(result.Error.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_sync_on_a_node_without_a_storage_link_fails_in_one_line()
    {
        var result = await InProcessCli.RunAsync(nodes.B.Target, "storage", "sync");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("started", result.Output, StringComparison.Ordinal);
    }
}
