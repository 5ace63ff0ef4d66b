namespace FileSync.Server.Admin;

/// <summary>
/// <c>GET /admin/cluster</c>. Until cluster mode exists (DESIGN.md §6) a node is a cluster of one:
/// <see cref="Mode"/> is <c>single-node</c> and the only member is the node itself.
/// </summary>
public sealed record ClusterView(string Mode, IReadOnlyList<ClusterMemberView> Members, IReadOnlyList<string> Unreachable);

/// <summary>One member: where it listens, its state, what it does and which shards (destination keys) it owns.</summary>
public sealed record ClusterMemberView(string Address, Guid ServerId, string Status, IReadOnlyList<string> Roles, IReadOnlyList<string> Shards, bool Self);

/// <summary><c>POST /admin/cluster/down-unreachable</c>: the members taken down (never any on a single node).</summary>
public sealed record DownUnreachableView(IReadOnlyList<string> Downed);
