namespace FileSync.Client;

/// <summary>A file system on another node that this file system synchronizes to.</summary>
public sealed record SynchronizationDestination
{
    public string ServerUrl { get; init; } = "";
    public string FileSystem { get; init; } = "";
    public string? ApiKey { get; init; }
    public bool Enabled { get; init; } = true;

    // RavenFS fields: accepted and kept by the node, not used for API-key authentication.
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? Domain { get; init; }
    public string? AuthenticationScheme { get; init; }
}
