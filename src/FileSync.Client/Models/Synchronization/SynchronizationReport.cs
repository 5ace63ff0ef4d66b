namespace FileSync.Client;

/// <summary>
/// The outcome of synchronizing one file to one destination. For a <see cref="SynchronizationType.ContentUpdate"/>,
/// <see cref="BytesTransfered"/> + <see cref="BytesCopied"/> is the file's size.
/// </summary>
public sealed record SynchronizationReport
{
    public string FileName { get; init; } = "";

    /// <summary>The source's ETag of the version that was synchronized.</summary>
    public string? FileETag { get; init; }

    /// <summary>Bytes sent over the wire (the spelling is RavenFS's and part of the contract).</summary>
    public long BytesTransfered { get; init; }

    /// <summary>Bytes the destination already had and copied locally.</summary>
    public long BytesCopied { get; init; }

    /// <summary>Runs of consecutive chunks that had to be sent.</summary>
    public long NeedListLength { get; init; }

    /// <summary>Null when the synchronization succeeded.</summary>
    public SynchronizationError? Exception { get; init; }

    public SynchronizationType Type { get; init; }
}
