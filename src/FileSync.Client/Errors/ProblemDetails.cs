using System.Text.Json;

namespace FileSync.Client;

/// <summary>An RFC 7807 problem document as the node sent it; <see cref="Detail"/> is a human sentence.</summary>
public sealed record ProblemDetails
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public int? Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; init; }

    /// <summary>Parses a problem document, or returns null when <paramref name="body"/> is not one.</summary>
    public static ProblemDetails? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            var root = doc.RootElement;
            return new ProblemDetails
            {
                Type = StringOf(root, "type"),
                Title = StringOf(root, "title"),
                Status = root.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : null,
                Detail = StringOf(root, "detail"),
                Instance = StringOf(root, "instance"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
