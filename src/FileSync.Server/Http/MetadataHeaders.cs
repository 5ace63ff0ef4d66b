using System.Globalization;
using FileSync.Storage.Files;
using Microsoft.Net.Http.Headers;

namespace FileSync.Server.Http;

/// <summary>
/// RavenFS keeps file metadata in HTTP headers: on PUT/POST every non-standard request header
/// becomes metadata; on GET/HEAD the metadata comes back as response headers.
/// </summary>
public static class MetadataHeaders
{
    /// <summary>Headers about the HTTP exchange itself (or computed by the node), never stored as metadata.</summary>
    private static readonly HashSet<string> Standard = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Accept-Ranges", "Authorization",
        "Cache-Control", "Connection", "Content-Encoding", "Content-Length", "Content-Range", "Content-Type",
        "Cookie", "Date", "Expect", "From", "Host", "If-Match", "If-Modified-Since", "If-None-Match",
        "If-Range", "If-Unmodified-Since", "Keep-Alive", "Max-Forwards", "Origin", "Pragma",
        "Proxy-Authorization", "Proxy-Connection", "Range", "Referer", "TE", "Trailer", "Transfer-Encoding",
        "Upgrade", "User-Agent", "Via", "Warning", "ETag", "Last-Modified", "Priority",
        ApiKeyMiddleware.HeaderName, "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Traceparent",
        "Tracestate", "Request-Id", "Baggage", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Dest",
        // Computed by the node; a client that sends back the headers it downloaded must not override them.
        ContentHashHeader, Problems.TypeHeader,
    };

    /// <summary>The user metadata a PUT/POST carries: every non-standard header, last value wins.</summary>
    public static Dictionary<string, string> FromRequest(HttpRequest request)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in request.Headers)
        {
            if (Standard.Contains(key) || key.StartsWith(':')) continue;
            metadata[key] = values.ToString();
        }
        return metadata;
    }

    /// <summary>Writes the file's metadata and the node's own per-file headers on a GET/HEAD answer.</summary>
    public static void WriteTo(HttpResponse response, StoredFile file)
    {
        var headers = response.Headers;
        foreach (var (key, value) in file.Metadata)
        {
            if (Standard.Contains(key) || !IsToken(key)) continue;
            headers[key] = value;
        }
        headers[HeaderNames.ETag] = $"\"{Etags.Format(file.Etag)}\"";
        headers[HeaderNames.LastModified] = file.LastModified.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        headers[ContentHashHeader] = file.ContentHash;
        headers[HeaderNames.AcceptRanges] = "bytes";
    }

    /// <summary>The node's hash of the whole content (hex BLAKE3), sent on every GET/HEAD and kept in listings' metadata (the store's key).</summary>
    public const string ContentHashHeader = Storage.Files.MetadataKeys.ContentHash;

    // Metadata that came from elsewhere (e.g. synchronization) could hold a key that is no header name.
    private static bool IsToken(string key) =>
        key.Length > 0 && key.All(c => c < 127 && c > 32 && "()<>@,;:\\\"/[]?={}".IndexOf(c) < 0);
}
