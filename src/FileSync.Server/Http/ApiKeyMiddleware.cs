using System.Security.Cryptography;
using System.Text;
using FileSync.Server.Endpoints;

namespace FileSync.Server.Http;

/// <summary>
/// When the node has API keys configured, every request must carry one of them as
/// <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> (the notifications WebSocket also
/// <c>?api_key=&lt;key&gt;</c>): none → 401, a wrong one → 403.
/// With no keys configured the node is open (the loopback demo default).
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeySet keys)
{
    public const string HeaderName = "X-Api-Key";
    public const string Scheme = "ApiKey";

    /// <summary>The query parameter carrying the key on the notifications WebSocket route.</summary>
    public const string QueryName = "api_key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (keys.IsEmpty)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var presented = PresentedKey(context.Request);
        if (presented is null)
        {
            context.Response.Headers.WWWAuthenticate = Scheme;
            await Reject(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                    $"This node requires an API key: send 'Authorization: {Scheme} <key>' or '{HeaderName}: <key>'.",
                    Problems.UnauthorizedType, StorageErrors.UnauthorizedCode)
                .ConfigureAwait(false);
            return;
        }
        if (!keys.Contains(presented))
        {
            await Reject(context, StatusCodes.Status403Forbidden, "Forbidden",
                    "The API key sent with the request is not one this node accepts.",
                    Problems.ForbiddenType, StorageErrors.ForbiddenCode)
                .ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    /// <summary>A problem document, or the PLM envelope on <c>/storage</c> (whose clients read only that).</summary>
    private static Task Reject(HttpContext context, int status, string title, string detail, string problemType, string storageCode) =>
        StorageErrors.AppliesTo(context.Request.Path)
            ? StorageErrors.Create(status, storageCode, detail).ExecuteAsync(context)
            : Problems.Create(status, title, detail, problemType).ExecuteAsync(context);

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            var key = authorization[(Scheme.Length + 1)..].Trim();
            if (key.Length > 0) return key;
        }
        var header = request.Headers[HeaderName].ToString().Trim();
        if (header.Length > 0) return header;
        // Browsers cannot set headers on a WebSocket: the notifications route also takes ?api_key= (only it,
        // so keys do not end up in the URLs, and logs, of ordinary requests).
        if (request.Path.StartsWithSegments(Endpoints.NotificationEndpoints.Route, StringComparison.OrdinalIgnoreCase))
        {
            var query = request.Query[QueryName].ToString().Trim();
            if (query.Length > 0) return query;
        }
        return null;
    }
}

/// <summary>The node's accepted API keys, compared in constant time.</summary>
public sealed class ApiKeySet(IEnumerable<string> keys)
{
    private readonly byte[][] _keys = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Encoding.UTF8.GetBytes).ToArray();

    public bool IsEmpty => _keys.Length == 0;

    public bool Contains(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var found = false;
        foreach (var key in _keys) found |= CryptographicOperations.FixedTimeEquals(key, bytes);
        return found;
    }
}
