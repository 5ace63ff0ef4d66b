namespace FileSync.Client.Admin;

/// <summary>One actor of the node's tree (<c>GET /admin/actors</c>); <see cref="ChildCount"/> counts children cut off by the depth too.</summary>
public sealed record ActorNode
{
    public string Path { get; init; } = "";
    public string Type { get; init; } = "";
    public int MailboxDepth { get; init; }
    public int ChildCount { get; init; }
    public ActorNode[] Children { get; init; } = [];
}

/// <summary>The actor system and its process (<c>GET /admin/system</c>).</summary>
public sealed record NodeSystemInfo
{
    public string ActorSystem { get; init; } = "";
    public string NodeUrl { get; init; } = "";
    public Guid ServerId { get; init; }
    public string Version { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public double UptimeSeconds { get; init; }
    public int ActorCount { get; init; }
    public long DeadLetters { get; init; }
    public NodeProcessInfo Process { get; init; } = new();
}

public sealed record NodeProcessInfo
{
    public int Id { get; init; }
    public long WorkingSetBytes { get; init; }
    public long ManagedHeapBytes { get; init; }
    public int Threads { get; init; }
    public int ProcessorCount { get; init; }
    public string Runtime { get; init; } = "";
}

/// <summary>Membership (<c>GET /admin/cluster</c>); a node outside cluster mode is the only member, <see cref="Mode"/> <c>single-node</c>.</summary>
public sealed record ClusterState
{
    public string Mode { get; init; } = "";
    public ClusterMember[] Members { get; init; } = [];
    public string[] Unreachable { get; init; } = [];
}

public sealed record ClusterMember
{
    public string Address { get; init; } = "";
    public Guid ServerId { get; init; }
    public string Status { get; init; } = "";
    public string[] Roles { get; init; } = [];

    /// <summary>The destination keys whose actors this member holds.</summary>
    public string[] Shards { get; init; } = [];
    public bool Self { get; init; }
}

/// <summary>The answer of <c>POST /admin/cluster/down-unreachable</c>.</summary>
public sealed record DownUnreachableResult
{
    public string[] Downed { get; init; } = [];
}

/// <summary>Shards and entities per node of one sharded type (<c>GET /admin/sharding/{typeName}</c>).</summary>
public sealed record RegionStats
{
    public string TypeName { get; init; } = "";
    public ShardRegion[] Regions { get; init; } = [];
}

public sealed record ShardRegion
{
    public string Address { get; init; } = "";
    public bool Self { get; init; }
    public int ShardCount { get; init; }
    public int EntityCount { get; init; }
    public Shard[] Shards { get; init; } = [];
}

/// <summary>For <c>destination</c>, a shard is one local file system and its entities are its destinations.</summary>
public sealed record Shard
{
    public string ShardId { get; init; } = "";
    public ShardEntity[] Entities { get; init; } = [];
}

public sealed record ShardEntity
{
    public string EntityId { get; init; } = "";
    public string Path { get; init; } = "";
    public int MailboxDepth { get; init; }
    public int ActiveRuns { get; init; }
}
