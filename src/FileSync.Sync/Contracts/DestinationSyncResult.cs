namespace FileSync.Sync.Contracts;

/// <summary>One destination's answer to <c>ToDestinations</c> / <c>ToDestination</c> (API.md §4).</summary>
/// <param name="Reports">Reports of the works started by this request; null when nothing was started.</param>
/// <param name="Exception">Set when the destination could not be worked on at all (e.g. it is unreachable).</param>
public sealed record DestinationSyncResult(
    string DestinationServer,
    string DestinationFileSystem,
    IReadOnlyList<SynchronizationReport>? Reports,
    ReportedException? Exception);
