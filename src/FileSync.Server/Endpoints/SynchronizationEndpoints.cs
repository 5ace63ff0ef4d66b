using FileSync.Server.Documents;
using FileSync.Server.Http;
using FileSync.Sync.Outgoing;

namespace FileSync.Server.Endpoints;

/// <summary>
/// The source-side routes of API.md §4 under <c>/fs/{fs}/synchronization</c>: the triggers
/// (<c>ToDestinations</c>, <c>ToDestination</c>, <c>start/{*fileName}</c>) and the Finished/Active/Pending lists.
/// The work is done by <see cref="OutgoingSynchronization"/>; this class only validates and shapes.
/// </summary>
public static class SynchronizationEndpoints
{
    public const string DestinationNotFoundType = "urn:filesync:destination-not-found";

    public static IEndpointRouteBuilder MapSynchronizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/fs/{fs}/synchronization");
        group.MapPost("ToDestinations", ToDestinationsAsync);
        group.MapPost("ToDestination", ToDestinationAsync);
        group.MapPost("start/{*fileName}", StartAsync);
        group.MapGet("Finished", FinishedAsync);
        group.MapGet("Active", ActiveAsync);
        group.MapGet("Pending", PendingAsync);
        return app;
    }

    private static async Task<IResult> ToDestinationsAsync(string fs, HttpRequest request, OutgoingSynchronization outgoing, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var force = ForceSyncingAll(request, required: true);
        return Results.Json(await outgoing.SynchronizeDestinationsAsync(fileSystem, force, ct).ConfigureAwait(false));
    }

    private static async Task<IResult> ToDestinationAsync(string fs, HttpRequest request, OutgoingSynchronization outgoing, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var destination = request.Query["destination"].ToString();
        if (string.IsNullOrWhiteSpace(destination))
            throw new BadRequestException("The query parameter 'destination' is required: the server URL of one of the file system's destinations, e.g. http://localhost:8081.");
        // RavenFS sent only 'destination'; a missing forceSyncingAll means false here.
        var force = ForceSyncingAll(request, required: false);
        var result = await outgoing.SynchronizeDestinationAsync(fileSystem, destination, force, ct).ConfigureAwait(false);
        return result is null
            ? Problems.NotFound($"File system '{fileSystem}' has no destination with server URL '{destination}' in {ConfigDocumentNames.Destinations}.", DestinationNotFoundType)
            : Results.Json(result);
    }

    private static async Task<IResult> StartAsync(string fs, string? fileName, HttpRequest request, OutgoingSynchronization outgoing, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var name = RouteNames.File(fileName);
        var body = await RequestBody.ReadRequiredJsonAsync(request, "a SynchronizationDestination {\"ServerUrl\":…,\"FileSystem\":…}", ct).ConfigureAwait(false);
        if (body is not System.Text.Json.Nodes.JsonObject item)
            throw new BadRequestException("The request body must be a SynchronizationDestination object: {\"ServerUrl\":\"http://…\",\"FileSystem\":\"…\"}.");
        var destination = DestinationsDocument.Destination(item, 1);
        return Results.Json(await outgoing.SynchronizeFileAsync(fileSystem, name, destination, ct).ConfigureAwait(false));
    }

    private static async Task<IResult> FinishedAsync(string fs, string? start, string? pageSize, OutgoingSynchronization outgoing, CancellationToken ct) =>
        Results.Json(await outgoing.FinishedAsync(RouteNames.FileSystem(fs), Paging.Start(start), Paging.PageSize(pageSize), ct).ConfigureAwait(false));

    private static async Task<IResult> ActiveAsync(string fs, string? start, string? pageSize, OutgoingSynchronization outgoing, CancellationToken ct) =>
        Results.Json(await outgoing.ActiveAsync(RouteNames.FileSystem(fs), Paging.Start(start), Paging.PageSize(pageSize), ct).ConfigureAwait(false));

    private static async Task<IResult> PendingAsync(string fs, string? start, string? pageSize, OutgoingSynchronization outgoing, CancellationToken ct) =>
        Results.Json(await outgoing.PendingAsync(RouteNames.FileSystem(fs), Paging.Start(start), Paging.PageSize(pageSize), ct).ConfigureAwait(false));

    /// <summary><c>forceSyncingAll</c>: true or false (any case); missing is a 400 when required, false otherwise.</summary>
    private static bool ForceSyncingAll(HttpRequest request, bool required)
    {
        var values = request.Query["forceSyncingAll"];
        if (values.Count == 0)
        {
            if (!required) return false;
            throw new BadRequestException("The query parameter 'forceSyncingAll' is required: true or false.");
        }
        var raw = values.ToString();
        if (!bool.TryParse(raw, out var force))
            throw new BadRequestException($"The query parameter 'forceSyncingAll' must be true or false, not '{raw}'.");
        return force;
    }
}
