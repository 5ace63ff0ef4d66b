using System.Text.Json;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Notifications;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The conflicts of each file system, kept durably in its configuration document
/// <c>Raven/Synchronization/Conflicts</c> (a JSON list of <see cref="ConflictItem"/>, ordered by file name),
/// so they survive restarts and can be read with the ordinary config route. At most one per file.
/// Publishes <see cref="ConflictStatus.Detected"/> when a file gets a conflict and <see cref="ConflictStatus.Resolved"/>
/// once, when it is resolved (by <c>RemoteVersion</c>, or when its conflict is removed).
/// </summary>
public sealed class ConflictStore(IFileSystems fileSystems, SynchronizationPublisher? publisher = null)
{
    public const string DocumentName = "Raven/Synchronization/Conflicts";

    private readonly SynchronizationPublisher _publisher = publisher ?? SynchronizationPublisher.None;
    private readonly KeyedGate _gate = new();

    public async Task<IReadOnlyList<ConflictItem>> ListAsync(string fileSystem, CancellationToken ct = default) =>
        Parse(await fileSystems.GetConfigAsync(fileSystem, DocumentName, ct).ConfigureAwait(false));

    public async Task<ConflictItem?> FindAsync(string fileSystem, string fileName, CancellationToken ct = default)
    {
        var name = FileName.Normalize(fileName);
        return (await ListAsync(fileSystem, ct).ConfigureAwait(false)).FirstOrDefault(c => c.FileName == name);
    }

    /// <summary>Adds or replaces the conflict of <see cref="ConflictItem.FileName"/>.</summary>
    public async Task PutAsync(string fileSystem, ConflictItem conflict, CancellationToken ct = default)
    {
        ConflictItem? previous = null;
        await UpdateAsync(fileSystem, list =>
        {
            previous = list.Find(c => c.FileName == conflict.FileName);
            list.RemoveAll(c => c.FileName == conflict.FileName);
            list.Add(conflict);
            return true;
        }, ct).ConfigureAwait(false);
        // A re-check that finds the same conflict again announces nothing.
        var wasOpen = previous is { ResolveUsingRemote: false };
        var isOpen = !conflict.ResolveUsingRemote;
        if (isOpen && !wasOpen) _publisher.Conflict(fileSystem, conflict.FileName, conflict.RemoteServerUrl, ConflictStatus.Detected);
        if (!isOpen && wasOpen) _publisher.Conflict(fileSystem, conflict.FileName, conflict.RemoteServerUrl, ConflictStatus.Resolved);
    }

    /// <summary>Removes the conflict of a file; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string fileSystem, string fileName, CancellationToken ct = default)
    {
        var name = FileName.Normalize(fileName);
        ConflictItem? removed = null;
        var changed = await UpdateAsync(fileSystem, list =>
        {
            removed = list.Find(c => c.FileName == name);
            return list.RemoveAll(c => c.FileName == name) > 0;
        }, ct).ConfigureAwait(false);
        // One resolved with RemoteVersion was announced then; its removal (the remote version applied) is not news.
        if (changed && removed is { ResolveUsingRemote: false })
            _publisher.Conflict(fileSystem, removed.FileName, removed.RemoteServerUrl, ConflictStatus.Resolved);
        return changed;
    }

    private Task<bool> UpdateAsync(string fileSystem, Func<List<ConflictItem>, bool> change, CancellationToken ct) =>
        _gate.RunAsync(fileSystem, async () =>
        {
            var list = Parse(await fileSystems.GetConfigAsync(fileSystem, DocumentName, ct).ConfigureAwait(false)).ToList();
            if (!change(list)) return false;
            list.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
            if (list.Count == 0) await fileSystems.DeleteConfigAsync(fileSystem, DocumentName, ct).ConfigureAwait(false);
            else await fileSystems.SetConfigAsync(fileSystem, DocumentName, JsonSerializer.Serialize(list, ProtocolJson.Options), ct).ConfigureAwait(false);
            return true;
        }, ct);

    private static IReadOnlyList<ConflictItem> Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<ConflictItem>>(json, ProtocolJson.Options) ?? [];
}
