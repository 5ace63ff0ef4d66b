using System.Text.Json.Serialization;

namespace FileSync.Sync.Contracts;

/// <summary>
/// One destination of a file system (an entry of <c>Raven/Synchronization/Destinations</c>, or the body of
/// <c>start/{fileName}</c>). The RavenFS authentication fields are accepted and kept, not used.
/// </summary>
public sealed record SynchronizationDestination(
    string ServerUrl,
    string FileSystem,
    string? ApiKey = null,
    bool Enabled = true,
    string? Username = null,
    string? Password = null,
    string? Domain = null,
    string? AuthenticationScheme = null)
{
    /// <summary>The server URL without a trailing slash, as compared and displayed.</summary>
    [JsonIgnore]
    public string NormalizedServerUrl => ServerUrl.TrimEnd('/');

    /// <summary><c>{serverUrl}/fs/{fileSystem}</c>: the destination URL shown in <see cref="SynchronizationDetails"/>.</summary>
    [JsonIgnore]
    public string FileSystemUrl => $"{NormalizedServerUrl}/fs/{FileSystem}";

    /// <summary>True when <paramref name="other"/> names the same server and file system (URL and name compared case-insensitively).</summary>
    public bool SameTarget(SynchronizationDestination other) =>
        string.Equals(NormalizedServerUrl, other.NormalizedServerUrl, StringComparison.OrdinalIgnoreCase)
        && string.Equals(FileSystem, other.FileSystem, StringComparison.OrdinalIgnoreCase);
}
