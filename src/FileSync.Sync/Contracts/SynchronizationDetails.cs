namespace FileSync.Sync.Contracts;

/// <summary>An active or pending work, as listed by <c>Active</c> / <c>Pending</c> (API.md §4).</summary>
public sealed record SynchronizationDetails(
    string FileName,
    string? FileETag,
    string DestinationUrl,
    SynchronizationType Type);
