using FileSync.Server.Documents;
using FileSync.Server.Http;
using FileSync.Storage.Files;

namespace FileSync.Server.Endpoints;

/// <summary>
/// <c>GET/PUT/DELETE /fs/{fs}/config?name=…</c>: named JSON documents per file system. The two
/// synchronization documents are validated and stored in their canonical shape; other names
/// store any JSON document as sent (made strict).
/// </summary>
public static class ConfigEndpoints
{
    public static IEndpointRouteBuilder MapConfigEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/fs/{fs}/config");
        group.MapGet("", GetAsync);
        group.MapPut("", PutAsync);
        group.MapDelete("", DeleteAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string fs, string? name, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var key = ConfigDocumentNames.Validate(name);
        var json = await store.GetConfigAsync(fileSystem, key, ct).ConfigureAwait(false);
        return json is null
            ? Problems.NotFound($"File system '{fileSystem}' has no configuration document '{key}'.", Problems.ConfigNotFoundType)
            : Results.Text(json, "application/json");
    }

    private static async Task<IResult> PutAsync(string fs, string? name, HttpRequest request, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var key = ConfigDocumentNames.Validate(name);
        var body = await RequestBody.ReadRequiredJsonAsync(request, $"the JSON document for '{key}'", ct).ConfigureAwait(false);
        var json = key switch
        {
            ConfigDocumentNames.Destinations => DestinationsDocument.FromJson(body).ToJson(),
            ConfigDocumentNames.SynchronizationConfig => SynchronizationConfigDocument.FromJson(body).ToJson(),
            _ => body.ToJsonString(),
        };
        await store.SetConfigAsync(fileSystem, key, json, ct).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> DeleteAsync(string fs, string? name, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var key = ConfigDocumentNames.Validate(name);
        return await store.DeleteConfigAsync(fileSystem, key, ct).ConfigureAwait(false)
            ? Results.NoContent()
            : Problems.NotFound($"File system '{fileSystem}' has no configuration document '{key}'.", Problems.ConfigNotFoundType);
    }
}
