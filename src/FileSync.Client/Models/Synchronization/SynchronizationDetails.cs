namespace FileSync.Client;

/// <summary>A synchronization that is running or waiting (items of <c>Active</c> and <c>Pending</c>).</summary>
public sealed record SynchronizationDetails
{
    public string FileName { get; init; } = "";
    public string? FileETag { get; init; }
    public string DestinationUrl { get; init; } = "";
    public SynchronizationType Type { get; init; }
}
