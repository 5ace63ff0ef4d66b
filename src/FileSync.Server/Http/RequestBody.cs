using System.Text;
using System.Text.Json.Nodes;

namespace FileSync.Server.Http;

/// <summary>Reads small JSON request bodies (configuration documents, destinations) leniently.</summary>
public static class RequestBody
{
    /// <summary>Configuration documents are small; a bigger body is a mistake, not a document.</summary>
    public const int MaxJsonBytes = 1024 * 1024;

    /// <summary>
    /// The body parsed as lenient JSON, or null when it is empty (whatever the Content-Type: curl
    /// <c>-d ""</c> sends form encoding with no bytes).
    /// </summary>
    public static async Task<JsonNode?> ReadJsonOrNullAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxJsonBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return string.IsNullOrWhiteSpace(text) ? null : LenientJson.Parse(text);
    }

    /// <summary>The body parsed as lenient JSON; an empty body is a 400 naming what was expected.</summary>
    public static async Task<JsonNode> ReadRequiredJsonAsync(HttpRequest request, string expected, CancellationToken ct) =>
        await ReadJsonOrNullAsync(request, ct).ConfigureAwait(false)
        ?? throw new BadRequestException($"The request body is empty; {expected} was expected.");

    private static BadRequestException TooLarge() =>
        new($"The request body is larger than {MaxJsonBytes / 1024} KiB; configuration documents are small JSON objects.");
}
