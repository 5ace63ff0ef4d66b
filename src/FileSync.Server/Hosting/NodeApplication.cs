using System.Text;
using FileSync.Server.Admin;
using FileSync.Server.Endpoints;
using FileSync.Server.Http;
using FileSync.Storage.Files;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FileSync.Server.Hosting;

/// <summary>Builds the node's web application from <see cref="NodeOptions"/>: Kestrel, logging, services, middleware and routes.</summary>
public static class NodeApplication
{
    public static WebApplication Build(NodeOptions options, IConfiguration? extraConfiguration = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NodeApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (extraConfiguration is not null) builder.Configuration.AddConfiguration(extraConfiguration);
        ConfigureLogging(builder.Logging, options.LogLevel);
        ConfigureKestrel(builder, options);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<NodeRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeRuntime>());
        services.AddSingleton<IFileSystems>(sp => sp.GetRequiredService<NodeRuntime>().FileSystems);
        // Local writes then go through the lock check of files being received (HTTP 420).
        services.AddIncomingSynchronization();
        services.AddOutgoingSynchronization();
        services.AddNotifications();
        services.AddStorageSynchronizers();
        services.AddNodeAdmin();
        services.AddSingleton(new ApiKeySet(options.ApiKeys));
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        // RavenFS routes answer in PascalCase (problem details keep their own lower-case names).
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = null);

        var app = builder.Build();
        app.UseExceptionHandler();
        // The status page's own files load without a key (they hold no data) so the page can ask for one.
        app.UseStatusPageAssets();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapFileSystemEndpoints();
        app.MapFileEndpoints();
        app.MapConfigEndpoints();
        app.MapIncomingSyncEndpoints();
        app.MapOutgoingSynchronization();
        app.MapNotifications();
        app.MapStorageSynchronizers();
        app.MapAdminEndpoints();
        app.MapStatusPageEndpoints();
        app.MapFallback("{**path}", (HttpContext context) => NoRoute(context.Request));
        return app;
    }

    private static IResult NoRoute(HttpRequest request)
    {
        var detail = $"No route matches {request.Method} {request.Path}.";
        return StorageErrors.AppliesTo(request.Path)
            ? StorageErrors.Create(StatusCodes.Status404NotFound, StorageErrors.RouteNotFoundCode, detail)
            : Problems.NotFound(detail, Problems.RouteNotFoundType);
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, NodeOptions options)
    {
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Uploads of any size stream into the store; nothing is buffered whole.
            kestrel.Limits.MaxRequestBodySize = null;
            // Storage consumes uploads in 4 MiB batches and then chunks them; a matching socket buffer
            // lets the sender keep streaming meanwhile instead of stalling at Kestrel's 1 MiB default.
            kestrel.Limits.MaxRequestBufferSize = 4 * 1024 * 1024;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(10));
            // Metadata travels in headers; UTF-8 keeps non-ASCII values intact.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
            kestrel.ResponseHeaderEncodingSelector = _ => Encoding.UTF8;
            kestrel.AddServerHeader = false;
        });
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(level);
        // "Now listening on:" is the node's readiness line: keep it whatever the level.
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", level > LogLevel.Warning ? level : LogLevel.Warning);
    }
}
