using System.Net;
using System.Text;
using System.Text.Json;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.StatusPage;

/// <summary><c>GET /status/summary</c> against two real in-process nodes: A synchronizes to B.</summary>
public sealed class StatusSummaryTests : IAsyncLifetime
{
    private InProcessNode _a = null!;
    private InProcessNode _b = null!;

    public async Task InitializeAsync()
    {
        var nodes = await Task.WhenAll(InProcessNode.StartAsync(), InProcessNode.StartAsync());
        (_a, _b) = (nodes[0], nodes[1]);
        await _a.CreateFileSystemAsync("Source");
        await _b.CreateFileSystemAsync("Target");
        using var destinations = await _a.Http.PutAsync("fs/Source/config?name=Raven/Synchronization/Destinations",
            new StringContent($$"""{"Destinations":[{"ServerUrl":"{{_b.BaseUrl}}","FileSystem":"Target"}]}""", Encoding.UTF8, "application/json"));
        destinations.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static async Task UploadAsync(InProcessNode node, string fs, string name, int size, byte fill)
    {
        using var response = await node.Http.PutAsync($"fs/{fs}/files/{name}", new ByteArrayContent(Enumerable.Repeat(fill, size).ToArray()));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> FileSystemAsync(InProcessNode node, string fs)
    {
        using var response = await node.Http.GetAsync("status/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(node.BaseUrl, summary.GetProperty("ServerUrl").GetString());
        Assert.True(Guid.TryParse(summary.GetProperty("ServerId").GetString(), out _));
        return summary.GetProperty("FileSystems").EnumerateArray().Single(f => f.GetProperty("Name").GetString() == fs);
    }

    /// <summary>The file system's summary once its destination has nothing active or pending (or the last one read at the deadline).</summary>
    private static async Task<JsonElement> SettledAsync(InProcessNode node, string fs, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var summary = await FileSystemAsync(node, fs);
            var destination = summary.GetProperty("Destinations").EnumerateArray().Single();
            var idle = destination.GetProperty("Active").GetInt32() == 0 && destination.GetProperty("Pending").GetInt32() == 0;
            if (idle || DateTime.UtcNow > deadline) return summary;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task File_counts_and_sizes_cover_live_files_only()
    {
        await UploadAsync(_a, "Source", "a.bin", 1000, 1);
        await UploadAsync(_a, "Source", "dir/b.bin", 2345, 2);
        await UploadAsync(_a, "Source", "gone.bin", 7, 3);
        (await _a.Http.DeleteAsync("fs/Source/files/gone.bin")).EnsureSuccessStatusCode();

        var fs = await FileSystemAsync(_a, "Source");

        Assert.Equal(2, fs.GetProperty("FileCount").GetInt64());
        Assert.Equal(3345, fs.GetProperty("TotalSize").GetInt64());
        Assert.Empty(fs.GetProperty("Errors").EnumerateArray());
    }

    [Fact]
    public async Task A_configured_destination_is_listed_with_its_counts_and_a_finished_report_with_its_bytes()
    {
        var before = (await FileSystemAsync(_a, "Source")).GetProperty("Destinations").EnumerateArray().Single();
        Assert.Equal(_b.BaseUrl, before.GetProperty("ServerUrl").GetString());
        Assert.Equal("Target", before.GetProperty("FileSystem").GetString());
        Assert.True(before.GetProperty("Enabled").GetBoolean());

        await UploadAsync(_a, "Source", "report.bin", 70_000, 9);
        using var sync = await _a.Http.PostAsync("fs/Source/synchronization/ToDestinations?forceSyncingAll=true", null);
        sync.EnsureSuccessStatusCode();

        // The upload itself may have started a synchronization of its own, still finishing after this POST returned.
        var fs = await SettledAsync(_a, "Source", TimeSpan.FromSeconds(15));
        var destination = fs.GetProperty("Destinations").EnumerateArray().Single();
        Assert.Equal(0, destination.GetProperty("Active").GetInt32());
        Assert.Equal(0, destination.GetProperty("Pending").GetInt32());
        Assert.True(destination.GetProperty("MaxRuns").GetInt32() >= 1);
        var finished = fs.GetProperty("LastReports").EnumerateArray()
            .Single(r => r.GetProperty("Report").GetProperty("FileName").GetString() == "/report.bin");
        Assert.Equal($"{_b.BaseUrl}/fs/Target", finished.GetProperty("Destination").GetString());
        var report = finished.GetProperty("Report");
        Assert.Equal("ContentUpdate", report.GetProperty("Type").GetString());
        Assert.Equal(70_000, report.GetProperty("BytesTransfered").GetInt64() + report.GetProperty("BytesCopied").GetInt64());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("Exception").ValueKind);
    }

    [Fact]
    public async Task A_conflict_on_the_destination_is_listed_until_it_is_resolved()
    {
        await UploadAsync(_b, "Target", "both.txt", 500, 4);
        await UploadAsync(_a, "Source", "both.txt", 600, 5);
        using var push = await _a.Http.PostAsync("fs/Source/synchronization/start/both.txt",
            new StringContent($$"""{"ServerUrl":"{{_b.BaseUrl}}","FileSystem":"Target"}""", Encoding.UTF8, "application/json"));
        push.EnsureSuccessStatusCode();

        var conflicted = await FileSystemAsync(_b, "Target");
        Assert.Equal(1, conflicted.GetProperty("ConflictCount").GetInt32());
        var conflict = conflicted.GetProperty("Conflicts").EnumerateArray().Single();
        Assert.Equal("/both.txt", conflict.GetProperty("FileName").GetString());
        // An in-process node announces its configured URL (port 0), so only the host is compared.
        Assert.StartsWith("http://127.0.0.1:", conflict.GetProperty("RemoteServerUrl").GetString(), StringComparison.Ordinal);

        using var resolve = await _b.Http.PatchAsync("fs/Target/synchronization/ResolveConflict/both.txt?strategy=CurrentVersion", null);
        Assert.Equal(HttpStatusCode.NoContent, resolve.StatusCode);

        var resolved = await FileSystemAsync(_b, "Target");
        Assert.Equal(0, resolved.GetProperty("ConflictCount").GetInt32());
        Assert.Empty(resolved.GetProperty("Conflicts").EnumerateArray());
    }
}
