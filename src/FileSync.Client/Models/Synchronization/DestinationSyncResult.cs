namespace FileSync.Client;

/// <summary>The reports of one destination after a <c>ToDestinations</c> / <c>ToDestination</c> call.</summary>
public sealed record DestinationSyncResult
{
    public string DestinationServer { get; init; } = "";
    public string DestinationFileSystem { get; init; } = "";

    /// <summary>Null when nothing was started for this destination.</summary>
    public SynchronizationReport[]? Reports { get; init; }

    /// <summary>Set when the destination could not be synchronized at all (e.g. it is down).</summary>
    public SynchronizationError? Exception { get; init; }
}
