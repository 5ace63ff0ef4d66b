using System.Text.Json.Nodes;
using FileSync.Server.Documents;
using FileSync.Server.Http;
using FileSync.Sync.Outgoing;

namespace FileSync.Server.Endpoints;

/// <summary>
/// <c>POST /fs/{fs}/synchronization/Drain</c> (an extension): drains the file system to the destination in the body
/// (a lenient-JSON <c>SynchronizationDestination</c>) and answers a <c>DestinationSyncResult</c> once nothing is
/// pending or running. A storage synchronizer's pull calls it on the remote node with itself as the destination.
/// </summary>
public static class DrainEndpoint
{
    public static IEndpointRouteBuilder MapDrainEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/fs/{fs}/synchronization/Drain", DrainAsync);
        return app;
    }

    private static async Task<IResult> DrainAsync(string fs, HttpRequest request, OutgoingSynchronization outgoing, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var body = await RequestBody.ReadRequiredJsonAsync(request, "a SynchronizationDestination {\"ServerUrl\":…,\"FileSystem\":…}", ct).ConfigureAwait(false);
        if (body is not JsonObject item)
            throw new BadRequestException("The request body must be a SynchronizationDestination object: {\"ServerUrl\":\"http://…\",\"FileSystem\":\"…\"}.");
        var destination = DestinationsDocument.Destination(item, 1);
        return Results.Json(await outgoing.DrainAsync(fileSystem, destination, ct).ConfigureAwait(false));
    }
}
