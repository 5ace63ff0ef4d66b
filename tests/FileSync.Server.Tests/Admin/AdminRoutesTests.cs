using System.Net;
using System.Text.Json;
using FileSync.Client;
using FileSync.Kernel;
using FileSync.Server.Admin;
using FileSync.Server.Hosting;
using FileSync.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FileSync.Server.Tests.Admin;

/// <summary>The <c>/admin</c> introspection routes of one in-process node (camelCase JSON).</summary>
public sealed class AdminRoutesTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task The_actor_tree_starts_at_the_root_and_shows_the_node_actors_with_mailbox_depths()
    {
        using var tree = await GetJsonAsync("admin/actors");

        var root = tree.RootElement;
        Assert.Equal("/", root.GetProperty("path").GetString());
        var user = Child(root, "/user");
        Assert.Equal(JsonValueKind.Number, user.GetProperty("mailboxDepth").ValueKind);
        Assert.False(string.IsNullOrEmpty(user.GetProperty("type").GetString()));
        Assert.Equal("DestinationsActor", Child(user, "/user/destinations").GetProperty("type").GetString());
        Child(user, "/user/filesystems");
        Child(root, "/system");
    }

    [Fact]
    public async Task Depth_cuts_the_tree_but_child_counts_still_say_what_lies_below()
    {
        using var tree = await GetJsonAsync("admin/actors?path=/user&depth=0");

        var user = tree.RootElement;
        Assert.Equal("/user", user.GetProperty("path").GetString());
        Assert.Equal(0, user.GetProperty("children").GetArrayLength());
        Assert.True(user.GetProperty("childCount").GetInt32() >= 2);

        using var deeper = await GetJsonAsync("admin/actors?path=/user/&depth=1");
        Assert.Equal(deeper.RootElement.GetProperty("childCount").GetInt32(), deeper.RootElement.GetProperty("children").GetArrayLength());
        Assert.All(deeper.RootElement.GetProperty("children").EnumerateArray(),
            child => Assert.Equal(0, child.GetProperty("children").GetArrayLength()));
    }

    [Theory]
    [InlineData("admin/actors?path=/user/nobody", HttpStatusCode.NotFound)]
    [InlineData("admin/actors?depth=-1", HttpStatusCode.BadRequest)]
    [InlineData("admin/actors?depth=two", HttpStatusCode.BadRequest)]
    [InlineData("admin/actors?path=user", HttpStatusCode.BadRequest)]
    [InlineData("admin/sharding/widgets", HttpStatusCode.NotFound)]
    public async Task Unknown_paths_types_and_bad_parameters_are_problems(string url, HttpStatusCode status)
    {
        using var response = await _node.Http.GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, status);
    }

    [Fact]
    public async Task System_names_the_actor_system_node_server_and_process()
    {
        using var system = await GetJsonAsync("admin/system");

        var root = system.RootElement;
        Assert.Equal("filesync", root.GetProperty("actorSystem").GetString());
        Assert.Equal(_node.BaseUrl, root.GetProperty("nodeUrl").GetString());
        Assert.Equal(Runtime.ServerId, root.GetProperty("serverId").GetGuid());
        Assert.True(root.GetProperty("actorCount").GetInt32() >= 5);
        Assert.True(root.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.Equal(Environment.ProcessId, root.GetProperty("process").GetProperty("id").GetInt32());
        Assert.True(root.GetProperty("process").GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(root.GetProperty("process").GetProperty("threads").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Dead_letters_published_on_the_actor_system_are_counted()
    {
        using var store = new FilesStoreFor(_node);
        var before = await store.Store.NodeAdmin.GetSystemAsync();

        Runtime.System.DeadLetters.Tell("lost", ActorRefs.NoSender);
        Runtime.System.DeadLetters.Tell("lost again", ActorRefs.NoSender);

        var after = await store.Store.NodeAdmin.GetSystemAsync();
        // Background actors may add their own; ours are counted at least.
        Assert.True(after.DeadLetters >= before.DeadLetters + 2, $"{before.DeadLetters} then {after.DeadLetters}");
    }

    [Fact]
    public async Task A_single_node_cluster_shows_itself_up_with_the_destinations_it_owns()
    {
        await AddDestinationAsync("AdminFS");

        using var cluster = await GetJsonAsync("admin/cluster");

        Assert.Equal(NodeAdmin.SingleNodeMode, cluster.RootElement.GetProperty("mode").GetString());
        var member = Assert.Single(cluster.RootElement.GetProperty("members").EnumerateArray().ToList());
        Assert.Equal(_node.BaseUrl, member.GetProperty("address").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("self").GetBoolean());
        Assert.Contains("AdminFS->http://127.0.0.1:1/remotefs", member.GetProperty("shards").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Destination_keys_keep_a_literal_arrow_in_the_raw_json_as_the_docs_show()
    {
        await AddDestinationAsync("ArrowFS");

        using var response = await _node.Http.GetAsync("admin/cluster");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"ArrowFS->http://127.0.0.1:1/remotefs\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003E", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leave_is_a_conflict_without_cluster_mode_and_down_unreachable_downs_nobody()
    {
        using var leave = await _node.Http.PostAsync("admin/cluster/leave", null);
        var problem = await ProblemAssert.IsProblemAsync(leave, HttpStatusCode.Conflict);
        Assert.StartsWith("cluster mode is not enabled on this node", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var down = await _node.Http.PostAsync("admin/cluster/down-unreachable", null);
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.Equal("{\"downed\":[]}", await down.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Destination_region_stats_group_entities_by_local_file_system()
    {
        await AddDestinationAsync("ShardFS");

        using var store = new FilesStoreFor(_node);
        var stats = await store.Store.NodeAdmin.GetRegionStatsAsync("destination");

        Assert.Equal("destination", stats.TypeName);
        var region = Assert.Single(stats.Regions);
        Assert.True(region.Self);
        Assert.Equal(_node.BaseUrl, region.Address);
        var shard = Assert.Single(region.Shards, s => s.ShardId == "ShardFS");
        var entity = Assert.Single(shard.Entities);
        Assert.Equal("ShardFS->http://127.0.0.1:1/remotefs", entity.EntityId);
        Assert.StartsWith("/user/destinations/", entity.Path, StringComparison.Ordinal);
        Assert.Equal(region.Shards.Sum(s => s.Entities.Length), region.EntityCount);
    }

    [Fact]
    public async Task The_client_reads_the_tree_and_sees_the_leave_conflict_as_a_typed_exception()
    {
        using var store = new FilesStoreFor(_node);

        var tree = await store.Store.NodeAdmin.GetActorsAsync("/user", depth: 1);
        Assert.Equal("/user", tree.Path);
        Assert.Contains(tree.Children, c => c.Path == "/user/destinations");

        var error = await Assert.ThrowsAsync<FileSyncConflictException>(() => store.Store.NodeAdmin.LeaveClusterAsync());
        Assert.Contains("cluster mode is not enabled", error.Message, StringComparison.Ordinal);
        Assert.Empty((await store.Store.NodeAdmin.DownUnreachableAsync()).Downed);
        Assert.Single((await store.Store.NodeAdmin.GetClusterAsync()).Members);
    }

    private NodeRuntime Runtime => _node.Services.GetRequiredService<NodeRuntime>();

    // A destination on a port nobody listens on: asking for the pending list starts its actor without syncing anything.
    private async Task AddDestinationAsync(string fileSystem)
    {
        await _node.CreateFileSystemAsync(fileSystem);
        using var config = await _node.Http.PutAsync($"fs/{fileSystem}/config?name=Raven/Synchronization/Destinations",
            JsonContent.Create(new { Destinations = new[] { new { ServerUrl = "http://127.0.0.1:1", FileSystem = "RemoteFS", Enabled = true } } }));
        config.EnsureSuccessStatusCode();
        using var pending = await _node.Http.GetAsync($"fs/{fileSystem}/synchronization/Pending");
        pending.EnsureSuccessStatusCode();
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await _node.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static JsonElement Child(JsonElement parent, string path) =>
        Assert.Single(parent.GetProperty("children").EnumerateArray().ToList(), c => c.GetProperty("path").GetString() == path);

    private sealed class FilesStoreFor(InProcessNode node) : IDisposable
    {
        public FilesStore Store { get; } = new FilesStore { Url = node.BaseUrl }.Initialize();

        public void Dispose() => Store.Dispose();
    }
}
