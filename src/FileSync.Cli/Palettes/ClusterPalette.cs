using System.CommandLine;
using FileSync.Cli.Output;

namespace FileSync.Cli.Palettes;

/// <summary>
/// <c>cluster show|leave|down-unreachable</c>: membership as the node reports it. Until cluster mode exists
/// a node is a cluster of one, so <c>show</c> lists itself and <c>leave</c> fails with the node's reason.
/// </summary>
public sealed class ClusterPalette : IPalette
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var show = new Command("show", "Members: address, status, roles and the shards each owns");
        context.SetNodeAction(show, ShowAsync);
        var leave = new Command("leave", "Make the node leave the cluster, handing its shards over first");
        context.SetNodeAction(leave, LeaveAsync);
        var down = new Command("down-unreachable", "Take members that stopped answering out of the cluster");
        context.SetNodeAction(down, DownUnreachableAsync);
        return new Command("cluster", "Cluster membership") { show, leave, down };
    }

    private static async Task<int> ShowAsync(NodeCall call)
    {
        var cluster = await call.Store.NodeAdmin.GetClusterAsync(call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(cluster, CliJson.Camel);
            return ExitCodes.Success;
        }

        var table = Tables.Create("Address", "Status", "Roles", "Shards owned", "Self");
        foreach (var member in cluster.Members)
        {
            table.Row(member.Address, member.Status, string.Join(", ", member.Roles),
                member.Shards.Length == 0 ? "(none)" : string.Join(Environment.NewLine, member.Shards), member.Self);
        }

        call.Output.Write(table.Titled($"cluster ({cluster.Mode})"));
        if (cluster.Unreachable.Length > 0) call.Output.Line("unreachable: " + string.Join(", ", cluster.Unreachable));
        return ExitCodes.Success;
    }

    private static async Task<int> LeaveAsync(NodeCall call)
    {
        await call.Store.NodeAdmin.LeaveClusterAsync(call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json) call.Output.WriteJson(new { left = true }, CliJson.Camel);
        else call.Output.Line("the node is leaving the cluster");
        return ExitCodes.Success;
    }

    private static async Task<int> DownUnreachableAsync(NodeCall call)
    {
        var result = await call.Store.NodeAdmin.DownUnreachableAsync(call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json) call.Output.WriteJson(result, CliJson.Camel);
        else call.Output.Line(result.Downed.Length == 0 ? "no unreachable members" : "downed: " + string.Join(", ", result.Downed));
        return ExitCodes.Success;
    }
}
