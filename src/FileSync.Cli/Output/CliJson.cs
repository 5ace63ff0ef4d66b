using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FileSync.Cli.Output;

/// <summary>
/// <c>--json</c> output keeps the node's own naming for each resource: PascalCase for file systems and
/// synchronization (RavenFS), camelCase for <c>/admin</c> introspection and snake/lower case for storage.
/// </summary>
public static class CliJson
{
    public static JsonSerializerOptions Pascal { get; } = Create(null);

    public static JsonSerializerOptions Camel { get; } = Create(JsonNamingPolicy.CamelCase);

    private static JsonSerializerOptions Create(JsonNamingPolicy? naming) => new()
    {
        PropertyNamingPolicy = naming,
        WriteIndented = true,
        // Read in a terminal or by scripts, never embedded in HTML: keep '->' and non-ASCII names as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };
}
