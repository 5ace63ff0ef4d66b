using System.Net.Http.Headers;

namespace FileSync.Client.Http;

/// <summary>File metadata travels as HTTP headers (RavenFS convention) in both directions.</summary>
internal static class MetadataHeaders
{
    // Headers that describe the HTTP exchange rather than the file.
    private static readonly HashSet<string> Transport = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Transfer-Encoding", "Connection", "Keep-Alive", "Content-Length",
        "Content-Type", "Content-Range", "Accept-Ranges", "Vary",
    };

    public static void AddTo(HttpRequestMessage request, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null) return;
        foreach (var (key, value) in metadata)
        {
            if (!request.Headers.TryAddWithoutValidation(key, value))
                throw new ArgumentException($"Metadata key '{key}' cannot be sent as an HTTP header.", nameof(metadata));
        }
    }

    public static IReadOnlyDictionary<string, string> From(HttpResponseMessage response)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Collect(response.Headers, result);
        Collect(response.Content.Headers, result);
        if (result.TryGetValue("ETag", out var etag)) result["ETag"] = etag.Trim('"');
        return result;
    }

    private static void Collect(HttpHeaders headers, Dictionary<string, string> into)
    {
        foreach (var (key, values) in headers.NonValidated)
        {
            if (Transport.Contains(key)) continue;
            into[key] = string.Join(", ", values);
        }
    }
}
