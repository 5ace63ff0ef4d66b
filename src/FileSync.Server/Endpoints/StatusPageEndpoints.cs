using FileSync.Server.StatusPage;

namespace FileSync.Server.Endpoints;

/// <summary>
/// The live status page (docs/status-page.md): <see cref="UseStatusPageAssets"/> serves the page's files before the
/// API-key check, <see cref="MapStatusPageEndpoints"/> maps <c>GET /status/summary</c> (behind the check).
/// </summary>
public static class StatusPageEndpoints
{
    public const string SummaryPath = "/status/summary";

    public static IApplicationBuilder UseStatusPageAssets(this IApplicationBuilder app) =>
        app.UseMiddleware<StatusPageAssetMiddleware>();

    public static IEndpointRouteBuilder MapStatusPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SummaryPath, SummaryAsync);
        return app;
    }

    private static async Task<IResult> SummaryAsync(HttpContext context, IServiceProvider services, CancellationToken ct)
    {
        var builder = ActivatorUtilities.CreateInstance<StatusSummaryBuilder>(services);
        var summary = await builder.BuildAsync($"{context.Request.Scheme}://{context.Request.Host}", ct).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(summary);
    }
}
