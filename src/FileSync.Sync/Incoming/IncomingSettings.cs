using System.Text.Json;
using FileSync.Storage.Files;

namespace FileSync.Sync.Incoming;

/// <summary>
/// What the destination side reads from a file system's <c>Raven/Synchronization/Config</c> document:
/// the automatic conflict resolution and how long a lock on a file being received lasts.
/// </summary>
public sealed record IncomingSettings(ConflictResolutionPolicy ConflictResolution, TimeSpan LockTimeout)
{
    public const string ConfigDocumentName = "Raven/Synchronization/Config";

    /// <summary>RavenFS's defaults: no automatic resolution, locks last 10 minutes.</summary>
    public static readonly IncomingSettings Default = new(ConflictResolutionPolicy.None, TimeSpan.FromMilliseconds(600_000));

    public static async Task<IncomingSettings> ReadAsync(IFileSystems fileSystems, string fileSystem, CancellationToken ct = default) =>
        Parse(await fileSystems.GetConfigAsync(fileSystem, ConfigDocumentName, ct).ConfigureAwait(false));

    /// <summary>
    /// Reads the document as the server stored it (it validated it on PUT); a property that is missing or
    /// unreadable keeps its default, so a hand-edited document cannot stop synchronization.
    /// </summary>
    public static IncomingSettings Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Default;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Default;
            var policy = Default.ConflictResolution;
            var timeout = Default.LockTimeout;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "FileConflictResolution", StringComparison.OrdinalIgnoreCase))
                    policy = ReadPolicy(property.Value) ?? policy;
                else if (string.Equals(property.Name, "SynchronizationLockTimeoutMiliseconds", StringComparison.OrdinalIgnoreCase)
                         && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var ms) && ms >= 0)
                    timeout = TimeSpan.FromMilliseconds(ms);
            }
            return new IncomingSettings(policy, timeout);
        }
        catch (JsonException)
        {
            return Default;
        }
    }

    private static ConflictResolutionPolicy? ReadPolicy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when Enum.TryParse<ConflictResolutionPolicy>(value.GetString(), ignoreCase: true, out var named)
                                  && Enum.IsDefined(named) && !int.TryParse(value.GetString(), out _) => named,
        JsonValueKind.Number when value.TryGetInt32(out var n) && Enum.IsDefined((ConflictResolutionPolicy)n) => (ConflictResolutionPolicy)n,
        _ => null,
    };
}
