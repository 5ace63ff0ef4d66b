namespace FileSync.Server.Admin;

/// <summary><c>GET /admin/system</c>: the actor system and the process it runs in.</summary>
public sealed record SystemView(
    string ActorSystem,
    string NodeUrl,
    Guid ServerId,
    string Version,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    int ActorCount,
    long DeadLetters,
    ProcessView Process);

/// <summary>Resources of the node's process at the moment of the request.</summary>
public sealed record ProcessView(int Id, long WorkingSetBytes, long ManagedHeapBytes, int Threads, int ProcessorCount, string Runtime);
