using System.Text.Json;
using FileSync.Cli.Tests.Support;

namespace FileSync.Cli.Tests;

/// <summary><c>cluster</c>, <c>actor</c> and <c>sharding</c> against a real node process.</summary>
[Collection(NodeCollection.Name)]
public sealed class AdminCommandTests(TwoNodes nodes)
{
    [Fact]
    public async Task Cluster_show_lists_the_single_node_as_an_up_member()
    {
        var human = await InProcessCli.RunAsync(nodes.A.Target, "cluster", "show");
        var json = await InProcessCli.RunAsync(nodes.A.Target, "cluster", "show", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("cluster (single-node)", human.Output, StringComparison.Ordinal);
        Assert.Contains(nodes.A.Url, human.Output, StringComparison.Ordinal);
        Assert.Contains("│ Up ", human.Output, StringComparison.Ordinal);
        Assert.Contains($"Docs->{nodes.B.Url}/mirror", human.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Output);
        var member = Assert.Single(doc.RootElement.GetProperty("members").EnumerateArray().ToList());
        Assert.Equal(nodes.A.Url, member.GetProperty("address").GetString());
        Assert.True(member.GetProperty("self").GetBoolean());
        Assert.Equal("", json.Error);
    }

    [Fact]
    public async Task Cluster_leave_fails_with_the_nodes_reason_and_down_unreachable_downs_nobody()
    {
        var leave = await InProcessCli.RunAsync(nodes.A.Target, "cluster", "leave");
        var down = await InProcessCli.RunAsync(nodes.A.Target, "cluster", "down-unreachable");
        var downJson = await InProcessCli.RunAsync(nodes.A.Target, "cluster", "down-unreachable", "--json");

        Assert.Equal(1, leave.ExitCode);
        Assert.Equal("", leave.Output);
        Assert.StartsWith("cluster mode is not enabled on this node", leave.Error, StringComparison.Ordinal);
        Assert.Single(leave.Error.TrimEnd().Split('\n'));
        Assert.Equal((0, "no unreachable members"), (down.ExitCode, down.Output));
        using var doc = JsonDocument.Parse(downJson.Output);
        Assert.Equal(0, doc.RootElement.GetProperty("downed").GetArrayLength());
    }

    [Fact]
    public async Task Actor_hierarchy_draws_the_tree_with_types_and_mailbox_depths_cut_at_the_depth()
    {
        var result = await InProcessCli.RunAsync(nodes.A.Target, "actor", "hierarchy", "-d", "1", "-s", "/user");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.StartsWith("/user  Guardian  mailbox ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("── /user/destinations  DestinationsActor  mailbox 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("more below --depth", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("/user/destinations/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Actor_hierarchy_json_is_the_nodes_tree()
    {
        var result = await InProcessCli.RunAsync(nodes.A.Target, "actor", "hierarchy", "--json");

        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal("/", doc.RootElement.GetProperty("path").GetString());
        var user = doc.RootElement.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("path").GetString() == "/user");
        Assert.Contains(user.GetProperty("children").EnumerateArray(), c => c.GetProperty("type").GetString() == "DestinationsActor");
    }

    [Fact]
    public async Task Actor_hierarchy_of_an_unknown_path_is_a_one_line_failure()
    {
        var result = await InProcessCli.RunAsync(nodes.A.Target, "actor", "hierarchy", "-s", "/user/nobody");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("No actor lives at /user/nobody on this node.", result.Error.TrimEnd());
    }

    [Fact]
    public async Task Actor_system_shows_the_node_and_process()
    {
        var human = await InProcessCli.RunAsync(nodes.A.Target, "actor", "system");
        var json = await InProcessCli.RunAsync(nodes.A.Target, "actor", "system", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("│ actor system │ filesync", human.Output, StringComparison.Ordinal);
        Assert.Contains(nodes.A.Url, human.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal(nodes.A.Url, doc.RootElement.GetProperty("nodeUrl").GetString());
        Assert.True(doc.RootElement.GetProperty("actorCount").GetInt32() > 3);
        Assert.True(doc.RootElement.GetProperty("process").GetProperty("threads").GetInt32() > 0);
    }

    [Fact]
    public async Task Sharding_region_stats_lists_destination_shards_and_entities()
    {
        var human = await InProcessCli.RunAsync(nodes.A.Target, "sharding", "region-stats", "-r", "destination");
        var json = await InProcessCli.RunAsync(nodes.A.Target, "sharding", "region-stats", "-r", "destination", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains($"│ Docs  ", human.Output, StringComparison.Ordinal);
        Assert.Contains($"Docs->{nodes.B.Url}/mirror", human.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Output);
        var region = Assert.Single(doc.RootElement.GetProperty("regions").EnumerateArray().ToList());
        var shard = region.GetProperty("shards").EnumerateArray().Single(s => s.GetProperty("shardId").GetString() == "Docs");
        Assert.Equal($"Docs->{nodes.B.Url}/mirror", Assert.Single(shard.GetProperty("entities").EnumerateArray().ToList()).GetProperty("entityId").GetString());
    }

    [Fact]
    public async Task Sharding_of_an_unknown_type_fails_with_the_nodes_detail()
    {
        var result = await InProcessCli.RunAsync(nodes.A.Target, "sharding", "region-stats", "-r", "widgets");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("No sharded entity type 'widgets' on this node; the only one is 'destination'.", result.Error.TrimEnd());
    }
}
