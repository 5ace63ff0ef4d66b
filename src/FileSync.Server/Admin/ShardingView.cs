namespace FileSync.Server.Admin;

/// <summary><c>GET /admin/sharding/{typeName}</c>: per node (region), its shards and their entities.</summary>
public sealed record RegionStatsView(string TypeName, IReadOnlyList<RegionView> Regions);

/// <summary>One node's region of a sharded type.</summary>
public sealed record RegionView(string Address, bool Self, int ShardCount, int EntityCount, IReadOnlyList<ShardView> Shards);

/// <summary>
/// A shard of <c>destination</c> entities: all the destinations of one local file system live together,
/// so the shard id is that file system's name.
/// </summary>
public sealed record ShardView(string ShardId, IReadOnlyList<EntityView> Entities);

/// <summary>A live entity actor: its id (the destination key), actor path, queue depth and running file syncs.</summary>
public sealed record EntityView(string EntityId, string Path, int MailboxDepth, int ActiveRuns);
