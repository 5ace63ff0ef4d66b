using System.Text.Json;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>Reads the synchronization configuration documents a file system stores (API.md §3).</summary>
public static class ConfigDocuments
{
    public const string Destinations = "Raven/Synchronization/Destinations";
    public const string SynchronizationConfig = "Raven/Synchronization/Config";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { PropertyNameCaseInsensitive = true };

    /// <summary>The destinations listed in the document (enabled or not); none when it is absent.</summary>
    public static IReadOnlyList<SynchronizationDestination> ParseDestinations(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        var document = JsonSerializer.Deserialize<DestinationsDocument>(json, Options);
        return document?.Destinations?.Where(d => !string.IsNullOrWhiteSpace(d.ServerUrl) && !string.IsNullOrWhiteSpace(d.FileSystem)).ToList() ?? [];
    }

    /// <summary><c>MaxNumberOfSynchronizationsPerDestination</c> of the config document, or null when it does not say.</summary>
    public static int? ParseMaxPerDestination(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (string.Equals(property.Name, "MaxNumberOfSynchronizationsPerDestination", StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var max) && max >= 1)
                return max;
        }
        return null;
    }

    private sealed record DestinationsDocument(IReadOnlyList<SynchronizationDestination>? Destinations);
}
