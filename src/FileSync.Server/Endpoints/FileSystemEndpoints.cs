using FileSync.Server.Http;
using FileSync.Storage.Files;

namespace FileSync.Server.Endpoints;

/// <summary><c>GET /fs</c> lists file systems; <c>PUT /admin/fs/{fs}</c> creates one.</summary>
public static class FileSystemEndpoints
{
    public static IEndpointRouteBuilder MapFileSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fs", ListAsync);
        app.MapPut("/admin/fs/{fs}", CreateAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(IFileSystems store, CancellationToken ct) =>
        Results.Json(await store.ListFileSystemsAsync(ct).ConfigureAwait(false));

    private static async Task<IResult> CreateAsync(string fs, IFileSystems store, CancellationToken ct)
    {
        var name = RouteNames.FileSystem(fs);
        var created = await store.CreateFileSystemAsync(name, ct).ConfigureAwait(false);
        return created ? Results.Created($"/fs/{Uri.EscapeDataString(name)}", null) : Results.Ok();
    }
}
