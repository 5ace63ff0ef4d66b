namespace FileSync.Server.StatusPage;

/// <summary>
/// Serves the status page (<c>GET /</c> and <c>GET /status</c>) and its files (<c>GET /status/assets/{file}</c>).
/// It runs before the API-key check on purpose: these files hold no data, and the page must load to ask for the
/// key; every request the page then makes for data goes through the check like any other client's.
/// </summary>
public sealed class StatusPageAssetMiddleware(RequestDelegate next)
{
    public const string AssetsPath = "/status/assets/";

    /// <summary>
    /// Everything the page loads comes from this node: no CDN, no inline script, no external connection. The
    /// WebSocket is same-origin, which 'self' covers for ws: in current browsers.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return next(context);
        var asset = Resolve(request.Path.Value ?? "");
        return asset is null ? next(context) : WriteAsync(context, asset);
    }

    /// <summary>The asset a path names, or null when the path is not the page's.</summary>
    public static StatusPageAsset? Resolve(string path)
    {
        if (path is "/" or "/status" or "/status/") return StatusPageAssets.Instance.Find(StatusPageAssets.IndexFile);
        if (!path.StartsWith(AssetsPath, StringComparison.Ordinal)) return null;
        var name = path[AssetsPath.Length..];
        // Flat folder: a slash or a dot-dot can only be a request for something that is not there.
        return name.Contains('/', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            ? null
            : StatusPageAssets.Instance.Find(name);
    }

    private static async Task WriteAsync(HttpContext context, StatusPageAsset asset)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        // The page is small and changes with the node's version: always revalidate rather than show a stale copy.
        response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
        response.Headers.Pragma = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await response.Body.WriteAsync(asset.Content, context.RequestAborted).ConfigureAwait(false);
    }
}
