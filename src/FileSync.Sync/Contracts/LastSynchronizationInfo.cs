namespace FileSync.Sync.Contracts;

/// <summary>
/// The answer of <c>GET LastSynchronization?from={sourceServerId}</c>: the highest source ETag this
/// destination received from that server (all zeros when none), the URL it came from, and this
/// destination's own server id (the source uses it to avoid echoing files back).
/// </summary>
public sealed record LastSynchronizationInfo(string LastSourceFileEtag, string? SourceServerUrl, Guid DestinationServerId)
{
    /// <summary>What RavenFS answered for a source it never heard of.</summary>
    public const string EmptyEtag = "00000000-0000-0000-0000-000000000000";
}
