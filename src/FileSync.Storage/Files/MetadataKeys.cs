namespace FileSync.Storage.Files;

/// <summary>Metadata keys the store maintains itself (RavenFS names where RavenFS had one).</summary>
public static class MetadataKeys
{
    public const string SynchronizationVersion = "Raven-Synchronization-Version";
    public const string SynchronizationSource = "Raven-Synchronization-Source";
    public const string SynchronizationHistory = "Raven-Synchronization-History";
    public const string SynchronizationConflict = "Raven-Synchronization-Conflict";

    /// <summary>
    /// Hex BLAKE3 (32 bytes) of the whole content. This node's content-hash header, used instead of RavenFS's
    /// <c>Content-MD5</c>: the hash is computed anyway and MD5 is no longer a content identity. BLAKE3 rather
    /// than SHA-256 because every uploaded and synchronized byte goes through it: ~2.4× SHA-256 on one core
    /// here (docs/storage.md); <c>b3sum</c> checks it from a shell.
    /// </summary>
    public const string ContentHash = "Content-BLAKE3";

    /// <summary>Keys every synchronization key starts with; local writes cannot set them.</summary>
    public const string SynchronizationPrefix = "Raven-Synchronization-";

    /// <summary>At most this many entries are kept in <see cref="SynchronizationHistory"/> (oldest dropped first).</summary>
    public const int MaxHistoryLength = 50;

    /// <summary>True for keys that only the store (or synchronization) sets.</summary>
    public static bool IsStoreMaintained(string key) =>
        key.StartsWith(SynchronizationPrefix, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, ContentHash, StringComparison.OrdinalIgnoreCase);
}
