using System.Globalization;
using FileSync.Server.Admin;
using FileSync.Server.Http;

namespace FileSync.Server.Endpoints;

/// <summary>
/// Introspection for operators and the <c>filesync</c> command line (camelCase JSON, docs/admin-api.md):
/// <c>/admin/actors</c>, <c>/admin/system</c>, <c>/admin/cluster</c> (+ leave, down-unreachable) and
/// <c>/admin/sharding/{typeName}</c>.
/// </summary>
public static class AdminEndpoints
{
    public const string ActorNotFoundType = "urn:filesync:actor-not-found";
    public const string ShardTypeNotFoundType = "urn:filesync:shard-type-not-found";
    public const string ClusterNotEnabledType = "urn:filesync:cluster-not-enabled";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/actors", Actors);
        app.MapGet("/admin/system", (NodeAdmin admin) => AdminJson.Ok(admin.System()));
        app.MapGet("/admin/cluster", (NodeAdmin admin) => AdminJson.Ok(admin.Cluster()));
        app.MapPost("/admin/cluster/leave", (NodeAdmin admin) => Problems.Create(StatusCodes.Status409Conflict, "Conflict",
            $"cluster mode is not enabled on this node ({admin.NodeUrl} runs single-node), so there is no cluster to leave.",
            ClusterNotEnabledType));
        app.MapPost("/admin/cluster/down-unreachable", () => AdminJson.Ok(new DownUnreachableView([])));
        app.MapGet("/admin/sharding/{typeName}", Sharding);
        return app;
    }

    private static IResult Actors(NodeAdmin admin, string? path, string? depth)
    {
        int? levels = null;
        if (!string.IsNullOrEmpty(depth))
        {
            if (!int.TryParse(depth, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return Problems.BadRequest($"depth must be a whole number of levels (0 or more); got '{depth}'.");
            levels = parsed;
        }

        var root = string.IsNullOrEmpty(path) ? "/" : path;
        if (!root.StartsWith('/')) return Problems.BadRequest($"path must be an absolute actor path such as /user/destinations; got '{root}'.");
        var tree = admin.Actors(root, levels);
        return tree is null
            ? Problems.NotFound($"No actor lives at {root} on this node.", ActorNotFoundType)
            : AdminJson.Ok(tree);
    }

    private static IResult Sharding(NodeAdmin admin, string typeName)
    {
        var stats = admin.Sharding(typeName);
        return stats is null
            ? Problems.NotFound($"No sharded entity type '{typeName}' on this node; the only one is '{DestinationEntities.TypeName}'.", ShardTypeNotFoundType)
            : AdminJson.Ok(stats);
    }
}
