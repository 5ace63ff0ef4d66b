using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>Names one (local file system → destination file system) pair.</summary>
public sealed record DestinationKey(string FileSystem, string ServerUrl, string DestinationFileSystem)
{
    public static DestinationKey For(string fileSystem, SynchronizationDestination destination) =>
        new(fileSystem, destination.NormalizedServerUrl.ToLowerInvariant(), destination.FileSystem.ToLowerInvariant());

    /// <summary><c>destination:{fs}->{serverUrl}/{destFs}</c>; stable across restarts (URL and destination name lower-cased).</summary>
    public string PersistenceId => $"destination:{FileSystem}->{ServerUrl}/{DestinationFileSystem}";

    /// <summary>A valid, unique actor name for the pair.</summary>
    public string ActorName => Uri.EscapeDataString(PersistenceId);
}
