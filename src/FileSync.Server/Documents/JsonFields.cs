using System.Text.Json;
using System.Text.Json.Nodes;
using FileSync.Server.Http;

namespace FileSync.Server.Documents;

/// <summary>Typed, case-insensitive reads of request JSON with a sentence for each wrong type.</summary>
internal static class JsonFields
{
    public static JsonNode? Get(JsonObject obj, string name)
    {
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }

    public static string? String(JsonObject obj, string name, string where) => Get(obj, name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw new BadRequestException($"{where}: '{name}' must be a string, not {other.ToJsonString()}."),
    };

    public static bool? Bool(JsonObject obj, string name, string where) => Get(obj, name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw new BadRequestException($"{where}: '{name}' must be true or false, not {other.ToJsonString()}."),
    };

    public static long? Long(JsonObject obj, string name, string where) => Get(obj, name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d == Math.Floor(d)
            && d is >= long.MinValue and <= long.MaxValue => (long)d,
        var other => throw new BadRequestException($"{where}: '{name}' must be a whole number, not {other.ToJsonString()}."),
    };
}
