using System.CommandLine;
using FileSync.Cli.Output;

namespace FileSync.Cli.Palettes;

/// <summary><c>sharding region-stats -r destination</c>: shards and entities per node.</summary>
public sealed class ShardingPalette : IPalette
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = new Option<string>("--region", "-r") { Description = "Sharded entity type (destination)", Required = true };
        var stats = new Command("region-stats", "Shards and entities of one sharded type, per node") { type };
        context.SetNodeAction(stats, call => RegionStatsAsync(call, call.Get(type)));
        return new Command("sharding", "Sharded entities (destinations)") { stats };
    }

    private static async Task<int> RegionStatsAsync(NodeCall call, string typeName)
    {
        var stats = await call.Store.NodeAdmin.GetRegionStatsAsync(typeName, call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(stats, CliJson.Camel);
            return ExitCodes.Success;
        }

        var table = Tables.Create("Node", "Shard", "Entity", "Mailbox", "Running syncs");
        foreach (var region in stats.Regions)
        {
            if (region.Shards.Length == 0) table.Row(region.Address, "(none)", "", "", "");
            foreach (var shard in region.Shards)
            {
                foreach (var entity in shard.Entities) table.Row(region.Address, shard.ShardId, entity.EntityId, entity.MailboxDepth, entity.ActiveRuns);
            }
        }

        call.Output.Write(table.Titled($"region stats: {stats.TypeName}"));
        foreach (var region in stats.Regions) call.Output.Line($"{region.Address}: {region.ShardCount} shard(s), {region.EntityCount} entit{(region.EntityCount == 1 ? "y" : "ies")}");
        return ExitCodes.Success;
    }
}
