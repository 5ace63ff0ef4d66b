using System.Text.Json;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The conflicts of each file system, kept durably in its configuration document
/// <c>Raven/Synchronization/Conflicts</c> (a JSON list of <see cref="ConflictItem"/>, ordered by file name),
/// so they survive restarts and can be read with the ordinary config route. At most one per file.
/// </summary>
public sealed class ConflictStore(IFileSystems fileSystems)
{
    public const string DocumentName = "Raven/Synchronization/Conflicts";
    private readonly KeyedGate _gate = new();

    public async Task<IReadOnlyList<ConflictItem>> ListAsync(string fileSystem, CancellationToken ct = default) =>
        Parse(await fileSystems.GetConfigAsync(fileSystem, DocumentName, ct).ConfigureAwait(false));

    public async Task<ConflictItem?> FindAsync(string fileSystem, string fileName, CancellationToken ct = default)
    {
        var name = FileName.Normalize(fileName);
        return (await ListAsync(fileSystem, ct).ConfigureAwait(false)).FirstOrDefault(c => c.FileName == name);
    }

    /// <summary>Adds or replaces the conflict of <see cref="ConflictItem.FileName"/>.</summary>
    public Task PutAsync(string fileSystem, ConflictItem conflict, CancellationToken ct = default) =>
        UpdateAsync(fileSystem, list =>
        {
            list.RemoveAll(c => c.FileName == conflict.FileName);
            list.Add(conflict);
            return true;
        }, ct);

    /// <summary>Removes the conflict of a file; false when there was none.</summary>
    public Task<bool> RemoveAsync(string fileSystem, string fileName, CancellationToken ct = default)
    {
        var name = FileName.Normalize(fileName);
        return UpdateAsync(fileSystem, list => list.RemoveAll(c => c.FileName == name) > 0, ct);
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
