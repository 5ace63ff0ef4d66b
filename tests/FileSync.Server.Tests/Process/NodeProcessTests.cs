using System.Net;
using FileSync.Server.Tests.Support;
using FileSync.TestSupport;

namespace FileSync.Server.Tests.Process;

[Collection(RealProcessCollection.Name)]
public sealed class NodeProcessTests
{
    [Fact]
    public async Task A_node_started_with_a_config_file_serves_requests_and_stops_cleanly_on_sigterm()
    {
        using var folder = new TempDirectory("filesync-node");
        await using var node = await NodeProcess.StartAsync(folder.Path);
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl + "/") };
        Assert.Equal(HttpStatusCode.Created, (await http.PutAsync("admin/fs/NorthwindFS", null)).StatusCode);

        var exit = await node.TerminateAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, exit);
        Assert.DoesNotContain("Unhandled", node.Process.ErrorOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "filesync.db")), "SQLite lives under the data directory");
    }

    [Fact]
    public async Task File_systems_declared_in_hocon_are_created_with_their_config_documents()
    {
        using var folder = new TempDirectory("filesync-node");
        await using var node = await NodeProcess.StartAsync(folder.Path, """
            filesync.file-systems = [
              { name = NorthwindFS, conflict-resolution = ResolveToLatest, max-per-destination = 3,
                destinations = [ { url = "http://localhost:8081", file-system = SlaveNorthwindFS, api-key = "k" } ] }
              { name = Empty }
            ]
            """);
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl + "/") };
        Assert.Equal("[\"Empty\",\"NorthwindFS\"]", await http.GetStringAsync("fs"));
        var destinations = await http.GetStringAsync("fs/NorthwindFS/config?name=Raven/Synchronization/Destinations");
        Assert.Contains("\"ServerUrl\":\"http://localhost:8081\"", destinations, StringComparison.Ordinal);
        Assert.Contains("\"FileSystem\":\"SlaveNorthwindFS\"", destinations, StringComparison.Ordinal);
        Assert.Contains("\"ApiKey\":\"k\"", destinations, StringComparison.Ordinal);
        var config = await http.GetStringAsync("fs/NorthwindFS/config?name=Raven/Synchronization/Config");
        Assert.Contains("\"FileConflictResolution\":\"ResolveToLatest\"", config, StringComparison.Ordinal);
        Assert.Contains("\"MaxNumberOfSynchronizationsPerDestination\":3", config, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("fs/Empty/config?name=Raven/Synchronization/Destinations")).StatusCode);
    }

    [Fact]
    public async Task Api_keys_from_hocon_protect_the_node()
    {
        using var folder = new TempDirectory("filesync-node");
        await using var node = await NodeProcess.StartAsync(folder.Path, "filesync.security.api-keys = [\"abc\"]");
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl + "/") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("fs")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "fs");
        request.Headers.Add("X-Api-Key", "abc");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("filesync.persistence.provider = oracle", "filesync.persistence.provider")]
    [InlineData("filesync.file-systems = [ { name = \"../x\" } ]", "filesync.file-systems[0].name")]
    [InlineData("filesync.file-systems = [ { name = A, conflict-resolution = Sometimes } ]", "conflict-resolution")]
    [InlineData("filesync { node { url = ", "node.conf")]
    public async Task A_bad_configuration_exits_non_zero_with_a_sentence_naming_the_key(string hocon, string named)
    {
        using var folder = new TempDirectory("filesync-node");
        var config = Path.Combine(folder.Path, "node.conf");
        await File.WriteAllTextAsync(config, $"filesync.node.data-dir = \"{folder.Path}/data\"\nfilesync.node.url = \"http://127.0.0.1:0\"\n{hocon}\n");
        using var process = ChildProcess.StartNode("--config", config);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await process.ReadToEndAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(0, exit);
        Assert.Contains(named, process.ErrorOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_argument_or_missing_config_file_is_refused_with_usage()
    {
        using var process = ChildProcess.StartNode("--config", "/nonexistent/node.conf");
        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await process.ReadToEndAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("does not exist", process.ErrorOutput, StringComparison.Ordinal);

        using var other = ChildProcess.StartNode("--frobnicate");
        Assert.NotEqual(0, await other.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await other.ReadToEndAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("usage:", other.ErrorOutput, StringComparison.Ordinal);
    }
}
