using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The side effects of conflicts on the destination: recording one (a <see cref="ConflictItem"/> plus the
/// file's <c>Raven-Synchronization-Conflict: true</c> mark, content untouched), keeping the local version
/// (the remote history merged into the local one, so the remote version counts as "had in the past" and the
/// local version can flow back), and forgetting one once the remote version was applied.
/// </summary>
internal sealed class ConflictKeeper(NodeFileSystems store, ConflictStore conflicts)
{
    public async Task RecordAsync(string fileSystem, FileChange local, IncomingVersion incoming, CancellationToken ct)
    {
        var item = new ConflictItem(local.Name, incoming.SourceServerUrl,
            HistoryItemDto.HistoryAndCurrent(local.Version), HistoryItemDto.HistoryAndCurrent(incoming.Version), ResolveUsingRemote: false);
        await conflicts.PutAsync(fileSystem, item, ct).ConfigureAwait(false);
        if (IsMarked(local.Metadata)) return;
        var metadata = Copy(local.Metadata);
        metadata[MetadataKeys.SynchronizationConflict] = "true";
        await store.CommitRemoteVersionAsync(fileSystem, local.Name, null, local.ContentHash, metadata, ct).ConfigureAwait(false);
    }

    /// <summary>Keeps the local version: merges <paramref name="remote"/> (a history ending with the remote version) into it and clears the conflict.</summary>
    public async Task KeepLocalAsync(string fileSystem, FileChange local, IReadOnlyList<HistoryItemDto> remote, CancellationToken ct)
    {
        var version = local.Version ?? throw new InvalidOperationException($"File '{local.Name}' has no synchronization version to keep.");
        var history = version.History.ToList();
        foreach (var item in remote)
        {
            var entry = new HistoryItem(item.Version, item.ServerId);
            if (!version.Contains(entry.Version, entry.ServerId) && !history.Contains(entry)) history.Add(entry);
        }
        if (history.Count > MetadataKeys.MaxHistoryLength) history.RemoveRange(0, history.Count - MetadataKeys.MaxHistoryLength);
        var metadata = Copy(local.Metadata);
        metadata.Remove(MetadataKeys.SynchronizationConflict);
        (version with { History = history }).WriteTo(metadata);
        if (local.Deleted) await store.CommitRemoteDeleteAsync(fileSystem, local.Name, metadata, ct).ConfigureAwait(false);
        else await store.CommitRemoteVersionAsync(fileSystem, local.Name, null, local.ContentHash, metadata, ct).ConfigureAwait(false);
        await conflicts.RemoveAsync(fileSystem, local.Name, ct).ConfigureAwait(false);
    }

    public Task ForgetAsync(string fileSystem, string name, CancellationToken ct) => conflicts.RemoveAsync(fileSystem, name, ct);

    public static bool IsMarked(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(MetadataKeys.SynchronizationConflict, out var value) && bool.TryParse(value, out var marked) && marked;

    /// <summary>Incoming metadata as it is committed: the source's keys without a conflict mark.</summary>
    public static Dictionary<string, string> WithoutMark(IReadOnlyDictionary<string, string> metadata)
    {
        var copy = Copy(metadata);
        copy.Remove(MetadataKeys.SynchronizationConflict);
        return copy;
    }

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> metadata) =>
        new(metadata, StringComparer.OrdinalIgnoreCase);
}
