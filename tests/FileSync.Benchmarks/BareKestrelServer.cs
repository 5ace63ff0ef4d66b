using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace FileSync.Benchmarks;

/// <summary>
/// A reference for uploads and downloads over HTTP on this machine's stack: Kestrel with the node's request limits,
/// and nothing else. PUT copies the body into a file and fsyncs it before answering (what a node must do at least);
/// GET streams a file back; PUT to <c>/discard</c> only receives the body. No names, chunks, hashes or index. Runs in
/// the benchmark process on a loopback port.
/// </summary>
internal sealed class BareKestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareKestrelServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BareKestrelServer> StartAsync(string directory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MaxRequestBufferSize = 4 * 1024 * 1024; // as the node
        });
        var app = builder.Build();
        app.MapPut("/bare/{name}", async (string name, HttpRequest request) =>
        {
            await using var file = new FileStream(Path.Combine(directory, name), FileMode.Create, FileAccess.Write, FileShare.None, 1);
            await request.Body.CopyToAsync(file, 1 << 20);
            file.Flush(flushToDisk: true);
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        app.MapPut("/discard", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null, 1 << 20);
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        app.MapGet("/bare/{name}", (string name) => Results.File(Path.Combine(directory, name), "application/octet-stream"));
        await app.StartAsync();
        var url = app.Urls.First();
        return new BareKestrelServer(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
