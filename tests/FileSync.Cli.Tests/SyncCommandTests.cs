using System.Text;
using System.Text.Json;
using FileSync.Cli.Tests.Support;

namespace FileSync.Cli.Tests;

/// <summary><c>sync …</c> between two real node processes.</summary>
[Collection(NodeCollection.Name)]
public sealed class SyncCommandTests(TwoNodes nodes)
{
    [Fact]
    public async Task Destinations_lists_the_configured_destination()
    {
        var human = await InProcessCli.RunAsync(nodes.A.Target, "sync", "destinations", "Docs");
        var json = await InProcessCli.RunAsync(nodes.A.Target, "sync", "destinations", "Docs", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains($"│ {nodes.B.Url} │ Mirror      │ yes     │", human.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Output);
        var destination = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        Assert.Equal(nodes.B.Url, destination.GetProperty("ServerUrl").GetString());
        Assert.Equal("Mirror", destination.GetProperty("FileSystem").GetString());
    }

    [Fact]
    public async Task Start_synchronizes_new_files_to_the_destination_and_finished_shows_the_report()
    {
        var docs = nodes.StoreA.AsyncFilesCommands.ForFileSystem("Docs");
        await docs.UploadAsync("/start/a.txt", new MemoryStream(Encoding.UTF8.GetBytes("hello from A")));

        var start = await InProcessCli.RunAsync(nodes.A.Target, "sync", "start", "Docs", "--json");
        var finished = await InProcessCli.RunAsync(nodes.A.Target, "sync", "finished", "Docs");
        var again = await InProcessCli.RunAsync(nodes.A.Target, "sync", "start", "Docs");

        Assert.True(start.ExitCode == 0, start.Error);
        using var results = JsonDocument.Parse(start.Output);
        var result = Assert.Single(results.RootElement.EnumerateArray().ToList());
        Assert.Equal("Mirror", result.GetProperty("DestinationFileSystem").GetString());
        var report = result.GetProperty("Reports").EnumerateArray().Single(r => r.GetProperty("FileName").GetString() == "/start/a.txt");
        Assert.Equal("ContentUpdate", report.GetProperty("Type").GetString());
        Assert.Equal(12, report.GetProperty("BytesTransfered").GetInt64() + report.GetProperty("BytesCopied").GetInt64());
        Assert.Contains("│ /start/a.txt │ ContentUpdate │", finished.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("(nothing to do)", again.Output, StringComparison.Ordinal);
        Assert.Equal("hello from A", await ReadAsync(nodes.StoreB, "Mirror", "/start/a.txt"));
    }

    [Fact]
    public async Task File_synchronizes_one_file_to_a_named_destination()
    {
        await nodes.StoreA.AsyncFilesCommands.ForFileSystem("Files").UploadAsync("/one/file.txt", new MemoryStream(Encoding.UTF8.GetBytes("just this one")));

        var human = await InProcessCli.RunAsync(nodes.A.Target, "sync", "file", "Files", "/one/file.txt", "--to", nodes.B.Url, "--fs", "Files");

        Assert.True(human.ExitCode == 0, human.Error);
        Assert.Contains($"│ {nodes.B.Url}/Files │ /one/file.txt │ ContentUpdate │", human.Output, StringComparison.Ordinal);
        Assert.Equal("just this one", await ReadAsync(nodes.StoreB, "Files", "/one/file.txt"));

        var again = await InProcessCli.RunAsync(nodes.A.Target, "sync", "file", "Files", "/one/file.txt", "--to", nodes.B.Url, "--fs", "Files", "--json");
        Assert.True(again.ExitCode == 0, "an unchanged file is nothing to do, not a failure: " + again.Error);
        using var report = JsonDocument.Parse(again.Output);
        Assert.StartsWith("Destination server had this file in the past", report.RootElement.GetProperty("Exception").GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_and_active_are_empty_lists_when_nothing_waits()
    {
        var pending = await InProcessCli.RunAsync(nodes.A.Target, "sync", "pending", "Docs", "--json");
        var active = await InProcessCli.RunAsync(nodes.A.Target, "sync", "active", "Docs");

        using var page = JsonDocument.Parse(pending.Output);
        Assert.Equal(0, page.RootElement.GetProperty("TotalCount").GetInt64());
        Assert.Equal(0, page.RootElement.GetProperty("Items").GetArrayLength());
        Assert.Equal((0, "active synchronizations of Docs: none shown (0 in total)"), (active.ExitCode, active.Output));
    }

    [Fact]
    public async Task Independent_edits_show_as_a_conflict_that_resolve_clears()
    {
        await nodes.StoreA.AsyncFilesCommands.ForFileSystem("Clash").UploadAsync("/both.txt", new MemoryStream(Encoding.UTF8.GetBytes("A's version")));
        await nodes.StoreB.AsyncFilesCommands.ForFileSystem("Clash").UploadAsync("/both.txt", new MemoryStream(Encoding.UTF8.GetBytes("B's version")));

        var sync = await InProcessCli.RunAsync(nodes.A.Target, "sync", "file", "Clash", "/both.txt", "--to", nodes.B.Url, "--fs", "Clash");
        var conflicts = await InProcessCli.RunAsync(nodes.B.Target, "sync", "conflicts", "Clash");
        var conflictsJson = await InProcessCli.RunAsync(nodes.B.Target, "sync", "conflicts", "Clash", "--json");
        var resolve = await InProcessCli.RunAsync(nodes.B.Target, "sync", "resolve", "Clash", "/both.txt", "--strategy", "CurrentVersion");
        var after = await InProcessCli.RunAsync(nodes.B.Target, "sync", "conflicts", "Clash", "--json");

        Assert.Equal(1, sync.ExitCode);
        Assert.Single(sync.Error.TrimEnd().Split('\n'));
        Assert.Contains("│ /both.txt │", conflicts.Output, StringComparison.Ordinal);
        using var page = JsonDocument.Parse(conflictsJson.Output);
        Assert.Equal("/both.txt", Assert.Single(page.RootElement.GetProperty("Items").EnumerateArray().ToList()).GetProperty("FileName").GetString());
        Assert.Equal((0, "resolved /both.txt on Clash with CurrentVersion"), (resolve.ExitCode, resolve.Output));
        using var none = JsonDocument.Parse(after.Output);
        Assert.Equal(0, none.RootElement.GetProperty("TotalCount").GetInt64());
        Assert.Equal("B's version", await ReadAsync(nodes.StoreB, "Clash", "/both.txt"));
    }

    [Fact]
    public async Task Resolve_with_an_unknown_strategy_is_a_bad_argument_before_anything_is_sent()
    {
        var result = await InProcessCli.RunAsync(nodes.B.Target, "sync", "resolve", "Clash", "/x.txt", "--strategy", "Newest");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Argument 'Newest' not recognized. Must be one of:", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    private static async Task<string> ReadAsync(FileSync.Client.FilesStore store, string fs, string name)
    {
        await using var download = await store.AsyncFilesCommands.ForFileSystem(fs).DownloadAsync(name);
        using var reader = new StreamReader(download.Content);
        return await reader.ReadToEndAsync();
    }
}
