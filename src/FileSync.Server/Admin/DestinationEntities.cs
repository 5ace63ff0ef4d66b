using FileSync.Kernel;

namespace FileSync.Server.Admin;

/// <summary>
/// Reads the <c>destination</c> entities from the actor tree: the children of <c>/user/destinations</c>,
/// whose names are the escaped persistence ids <c>destination:{fs}-&gt;{url}/{destFs}</c>.
/// </summary>
public static class DestinationEntities
{
    public const string TypeName = "destination";
    public const string RegionPath = "/user/destinations";
    private const string PersistencePrefix = "destination:";

    /// <summary>The live destination actors grouped by shard (the local file system), both sorted by name.</summary>
    public static IReadOnlyList<ShardView> Shards(ActorInfo root)
    {
        var region = ActorTree.Find(root, RegionPath);
        if (region is null) return [];
        return region.Children
            .Select(ToEntity)
            .GroupBy(e => ShardOf(e.EntityId), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ShardView(g.Key, g.OrderBy(e => e.EntityId, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>Every destination key (entity id) that lives on this node.</summary>
    public static IReadOnlyList<string> Keys(ActorInfo root) =>
        Shards(root).SelectMany(s => s.Entities).Select(e => e.EntityId).ToList();

    private static EntityView ToEntity(ActorInfo actor)
    {
        var name = Uri.UnescapeDataString(actor.Path[(actor.Path.LastIndexOf('/') + 1)..]);
        var key = name.StartsWith(PersistencePrefix, StringComparison.Ordinal) ? name[PersistencePrefix.Length..] : name;
        return new EntityView(key, actor.Path, actor.MailboxDepth, actor.Children.Count);
    }

    private static string ShardOf(string entityId)
    {
        var arrow = entityId.IndexOf("->", StringComparison.Ordinal);
        return arrow > 0 ? entityId[..arrow] : entityId;
    }
}
