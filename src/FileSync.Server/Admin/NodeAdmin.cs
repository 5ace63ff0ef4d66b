using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using FileSync.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FileSync.Server.Admin;

/// <summary>
/// Builds the answers of the <c>/admin</c> introspection routes from one snapshot of the actor tree each.
/// The node is a cluster of one until cluster mode exists, so membership and sharding describe itself.
/// </summary>
public sealed class NodeAdmin(NodeRuntime runtime, NodeMonitor monitor, NodeOptions options, IServer server)
{
    public const string SingleNodeMode = "single-node";
    public const string MemberUp = "Up";

    /// <summary>What a node of this build does; a cluster would use these to place work.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["file-systems", "destinations"];

    private static readonly string Version =
        typeof(NodeAdmin).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(NodeAdmin).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The URL the node actually listens on (the configured one may ask for port 0).</summary>
    public string NodeUrl =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? options.Url.TrimEnd('/');

    /// <summary>The subtree at <paramref name="path"/>, or null when no actor lives there.</summary>
    public ActorNodeView? Actors(string path, int? depth)
    {
        var actor = ActorTree.Find(runtime.System.Snapshot(), path);
        return actor is null ? null : ActorNodeView.From(actor, depth);
    }

    public SystemView System()
    {
        using var process = Process.GetCurrentProcess();
        var processView = new ProcessView(process.Id, process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false),
            process.Threads.Count, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);
        return new SystemView(runtime.System.Name, NodeUrl, runtime.ServerId, Version, monitor.StartedAt,
            Math.Round(monitor.Uptime.TotalSeconds, 3), ActorTree.Count(runtime.System.Snapshot()), monitor.DeadLetters, processView);
    }

    public ClusterView Cluster()
    {
        var self = new ClusterMemberView(NodeUrl, runtime.ServerId, MemberUp, Roles,
            DestinationEntities.Keys(runtime.System.Snapshot()), Self: true);
        return new ClusterView(SingleNodeMode, [self], []);
    }

    /// <summary>Region statistics of <paramref name="typeName"/>, or null when no such sharded type exists.</summary>
    public RegionStatsView? Sharding(string typeName)
    {
        if (!string.Equals(typeName, DestinationEntities.TypeName, StringComparison.OrdinalIgnoreCase)) return null;
        var shards = DestinationEntities.Shards(runtime.System.Snapshot());
        var region = new RegionView(NodeUrl, Self: true, shards.Count, shards.Sum(s => s.Entities.Count), shards);
        return new RegionStatsView(DestinationEntities.TypeName, [region]);
    }
}
