using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FileSync.Server.Http;

namespace FileSync.Server.Documents;

public enum FileConflictResolution
{
    None,
    ResolveToLocal,
    ResolveToRemote,
    ResolveToLatest,
}

/// <summary>The "Raven/Synchronization/Config" document; missing properties take RavenFS's defaults.</summary>
public sealed record SynchronizationConfigDocument(
    [property: JsonConverter(typeof(JsonStringEnumConverter<FileConflictResolution>))]
    FileConflictResolution FileConflictResolution = FileConflictResolution.None,
    int MaxNumberOfSynchronizationsPerDestination = 5,
    long SynchronizationLockTimeoutMiliseconds = 600_000)
{
    public static SynchronizationConfigDocument FromJson(JsonNode node)
    {
        const string where = "The synchronization config";
        if (node is not JsonObject root)
            throw new BadRequestException($"{where} is a JSON object, e.g. {{\"FileConflictResolution\":\"None\",\"MaxNumberOfSynchronizationsPerDestination\":5}}.");
        var defaults = new SynchronizationConfigDocument();
        var resolution = defaults.FileConflictResolution;
        if (JsonFields.Get(root, "FileConflictResolution") is { } value)
            resolution = ParseResolution(value);
        var max = JsonFields.Long(root, "MaxNumberOfSynchronizationsPerDestination", where) ?? defaults.MaxNumberOfSynchronizationsPerDestination;
        if (max is < 1 or > 1000)
            throw new BadRequestException($"'MaxNumberOfSynchronizationsPerDestination' must be between 1 and 1000, not {max}.");
        var timeout = JsonFields.Long(root, "SynchronizationLockTimeoutMiliseconds", where) ?? defaults.SynchronizationLockTimeoutMiliseconds;
        if (timeout < 0)
            throw new BadRequestException($"'SynchronizationLockTimeoutMiliseconds' must not be negative, not {timeout}.");
        return new SynchronizationConfigDocument(resolution, (int)max, timeout);
    }

    public static FileConflictResolution ParseResolution(JsonNode value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && TryParseResolution(text, out var named)) return named;
        if (value is JsonValue n && n.TryGetValue<int>(out var number) && Enum.IsDefined((FileConflictResolution)number))
            return (FileConflictResolution)number;
        throw new BadRequestException(
            $"'FileConflictResolution' is {value.ToJsonString()}; expected one of {string.Join(", ", Enum.GetNames<FileConflictResolution>())}.");
    }

    public static bool TryParseResolution(string text, out FileConflictResolution value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public string ToJson() => JsonSerializer.Serialize(this);
}
