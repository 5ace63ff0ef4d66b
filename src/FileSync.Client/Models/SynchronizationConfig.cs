using System.Text.Json.Serialization;

namespace FileSync.Client;

/// <summary>The "Raven/Synchronization/Config" document of a file system.</summary>
public sealed record SynchronizationConfig
{
    public FileConflictResolution FileConflictResolution { get; init; } = FileConflictResolution.None;
    public int MaxNumberOfSynchronizationsPerDestination { get; init; } = 5;

    // The misspelling is RavenFS's and part of the wire contract.
    [JsonPropertyName("SynchronizationLockTimeoutMiliseconds")]
    public long SynchronizationLockTimeoutMiliseconds { get; init; } = 600_000;
}

[JsonConverter(typeof(JsonStringEnumConverter<FileConflictResolution>))]
public enum FileConflictResolution
{
    None,
    ResolveToLocal,
    ResolveToRemote,
    ResolveToLatest,
}
