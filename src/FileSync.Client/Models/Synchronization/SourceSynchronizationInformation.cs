namespace FileSync.Client;

/// <summary>What a destination last received from one source server (<c>LastSynchronization?from=</c>).</summary>
public sealed record SourceSynchronizationInformation
{
    public string? LastSourceFileEtag { get; init; }
    public string? SourceServerUrl { get; init; }
    public string? DestinationServerId { get; init; }
}
