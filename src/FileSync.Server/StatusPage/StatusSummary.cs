using FileSync.Sync.Contracts;

namespace FileSync.Server.StatusPage;

/// <summary>
/// <c>GET /status/summary</c>: what the status page shows of every file system in one answer, so a refresh is
/// one request whatever the number of file systems (PascalCase like the other node routes).
/// </summary>
public sealed record StatusSummary(
    string ServerUrl,
    Guid ServerId,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<FileSystemStatus> FileSystems);

/// <summary>
/// One file system: its live files (tombstones excluded), its destinations, the newest finished reports and its
/// conflicts. A part that could not be read carries its reason in <see cref="Errors"/> instead of failing the page.
/// </summary>
public sealed record FileSystemStatus(
    string Name,
    long FileCount,
    long TotalSize,
    IReadOnlyList<DestinationStatus> Destinations,
    IReadOnlyList<FinishedReport> LastReports,
    int ConflictCount,
    IReadOnlyList<ConflictItem> Conflicts,
    IReadOnlyList<string> Errors);

/// <summary>
/// A configured destination with the works running for it and the works waiting for a slot; <see cref="MaxRuns"/>
/// is null while no work was ever queued for it since the node started (its actor does not exist yet).
/// </summary>
public sealed record DestinationStatus(
    string ServerUrl,
    string FileSystem,
    bool Enabled,
    int Active,
    int Pending,
    int? MaxRuns);

/// <summary>A finished synchronization report and the destination (<c>{url}/fs/{fs}</c>) it was sent to.</summary>
public sealed record FinishedReport(string Destination, SynchronizationReport Report);
