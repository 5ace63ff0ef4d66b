using System.Text.Json;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Incoming;

/// <summary>
/// <c>LastSynchronization</c> per source server: the highest source ETag received from it and its URL,
/// kept durably in the configuration document <c>Raven/Synchronization/Sources/{sourceServerId}</c>.
/// Only ever moves forward.
/// </summary>
public sealed class SourceProgressStore(IFileSystems fileSystems)
{
    public const string DocumentPrefix = "Raven/Synchronization/Sources/";
    private readonly KeyedGate _gate = new();

    private sealed record SourceProgress(string LastSourceFileEtag, string? SourceServerUrl);

    public async Task<LastSynchronizationInfo> GetAsync(string fileSystem, Guid sourceServerId, Guid destinationServerId, CancellationToken ct = default)
    {
        var progress = Parse(await fileSystems.GetConfigAsync(fileSystem, Key(sourceServerId), ct).ConfigureAwait(false));
        return new LastSynchronizationInfo(progress?.LastSourceFileEtag ?? LastSynchronizationInfo.EmptyEtag, progress?.SourceServerUrl, destinationServerId);
    }

    /// <summary>Records that <paramref name="sourceFileEtag"/> arrived from that source (ignored when not above what is recorded, or unreadable).</summary>
    public Task RecordAsync(string fileSystem, Guid sourceServerId, string sourceServerUrl, string? sourceFileEtag, CancellationToken ct = default)
    {
        if (!Etags.TryParse(sourceFileEtag, out var incoming)) return Task.CompletedTask;
        return _gate.RunAsync(fileSystem + "|" + sourceServerId, async () =>
        {
            var key = Key(sourceServerId);
            var current = Parse(await fileSystems.GetConfigAsync(fileSystem, key, ct).ConfigureAwait(false));
            if (current is not null && Etags.TryParse(current.LastSourceFileEtag, out var known) && known >= incoming
                && current.SourceServerUrl == sourceServerUrl)
                return false;
            var etag = current is not null && Etags.TryParse(current.LastSourceFileEtag, out var k) && k > incoming ? current.LastSourceFileEtag : Etags.Format(incoming);
            await fileSystems.SetConfigAsync(fileSystem, key, JsonSerializer.Serialize(new SourceProgress(etag, sourceServerUrl), ProtocolJson.Options), ct).ConfigureAwait(false);
            return true;
        }, ct);
    }

    private static string Key(Guid sourceServerId) => DocumentPrefix + sourceServerId.ToString("D");

    private static SourceProgress? Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<SourceProgress>(json, ProtocolJson.Options);
}
