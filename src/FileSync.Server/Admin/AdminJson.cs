using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FileSync.Server.Admin;

/// <summary>
/// The <c>/admin/*</c> introspection routes answer in camelCase (operator tooling style), unlike the
/// RavenFS routes on <c>/fs/*</c> which keep PascalCase; see docs/admin-api.md.
/// </summary>
public static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // JSON for tools, not HTML: destination keys keep their literal "->" instead of "-\u003E".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Options);
}
