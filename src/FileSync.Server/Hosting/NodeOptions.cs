using FileSync.Kernel;
using FileSync.Server.Documents;
using FileSync.Storage;

namespace FileSync.Server.Hosting;

/// <summary>Everything a node needs to start, read once from its HOCON configuration.</summary>
public sealed record NodeOptions
{
    /// <summary>Where Kestrel listens (<c>filesync.node.url</c>); port 0 picks a free port.</summary>
    public required string Url { get; init; }

    public required StorageSettings Storage { get; init; }

    /// <summary><c>filesync.security.api-keys</c>; empty means no authentication.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary><c>filesync.file-systems</c>: created at start, with their configuration documents seeded.</summary>
    public IReadOnlyList<FileSystemSeed> FileSystems { get; init; } = [];

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary><c>filesync.storage</c>: the storage link of the PLM synchronizers; null when none is configured.</summary>
    public StorageLinkOptions? StorageLink { get; init; }

    /// <summary><c>filesync.kernel</c>: the actor system's throughput and timeouts.</summary>
    public KernelSettings Kernel { get; init; } = KernelSettings.Default;
}

/// <summary>
/// One entry of <c>filesync.file-systems</c>. A document is null when the entry does not mention it,
/// in which case the file system's stored document is left as it is.
/// </summary>
public sealed record FileSystemSeed(
    string Name,
    DestinationsDocument? Destinations,
    SynchronizationConfigDocument? Config);
