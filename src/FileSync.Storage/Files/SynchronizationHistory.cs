using System.Globalization;
using System.Text.Json;

namespace FileSync.Storage.Files;

/// <summary>One past version of a file: the per-file-system version number and the server that made it.</summary>
public sealed record HistoryItem(long Version, Guid ServerId);

/// <summary>A file's synchronization identity: its current version and the versions it descends from.</summary>
public sealed record SynchronizationVersion(long Version, Guid ServerId, IReadOnlyList<HistoryItem> History)
{
    /// <summary>Reads the Raven-Synchronization-* keys of a metadata dictionary; null when they are absent.</summary>
    public static SynchronizationVersion? FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(MetadataKeys.SynchronizationVersion, out var v)
            || !long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
            || !metadata.TryGetValue(MetadataKeys.SynchronizationSource, out var s)
            || !Guid.TryParse(s, out var source))
            return null;
        var history = metadata.TryGetValue(MetadataKeys.SynchronizationHistory, out var h) ? ParseHistory(h) : [];
        return new SynchronizationVersion(version, source, history);
    }

    /// <summary>Parses the JSON form <c>[{"Version":1,"ServerId":"…"}]</c>; bad text gives a clear error.</summary>
    public static IReadOnlyList<HistoryItem> ParseHistory(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray()
                .Select(e => new HistoryItem(e.GetProperty("Version").GetInt64(), Guid.Parse(e.GetProperty("ServerId").GetString()!)))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new FormatException($"'{MetadataKeys.SynchronizationHistory}' is not a JSON list of {{Version, ServerId}}: {e.Message}", e);
        }
    }

    public static string FormatHistory(IEnumerable<HistoryItem> history) =>
        JsonSerializer.Serialize(history.Select(i => new { i.Version, ServerId = i.ServerId.ToString() }));

    /// <summary>The version that follows this one locally: this one is pushed onto the history (at most 50 kept).</summary>
    public SynchronizationVersion Next(long newVersion, Guid serverId)
    {
        var history = History.Append(new HistoryItem(Version, ServerId)).ToList();
        if (history.Count > MetadataKeys.MaxHistoryLength) history.RemoveRange(0, history.Count - MetadataKeys.MaxHistoryLength);
        return new SynchronizationVersion(newVersion, serverId, history);
    }

    /// <summary>True when <paramref name="other"/> is this version or one it descends from.</summary>
    public bool Contains(long version, Guid serverId) =>
        (Version == version && ServerId == serverId) || History.Any(i => i.Version == version && i.ServerId == serverId);

    public void WriteTo(IDictionary<string, string> metadata)
    {
        metadata[MetadataKeys.SynchronizationVersion] = Version.ToString(CultureInfo.InvariantCulture);
        metadata[MetadataKeys.SynchronizationSource] = ServerId.ToString();
        metadata[MetadataKeys.SynchronizationHistory] = FormatHistory(History);
    }
}
