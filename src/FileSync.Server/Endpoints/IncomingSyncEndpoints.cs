using System.Text.Json;
using FileSync.Server.Hosting;
using FileSync.Server.Http;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Notifications;
using FileSync.Sync.Protocol;

namespace FileSync.Server.Endpoints;

/// <summary>
/// The destination side of synchronization over HTTP (docs/sync-protocol.md and API.md §4): the
/// <c>incoming/*</c> routes a source node calls, and the public <c>LastSynchronization</c>, <c>Incoming</c>,
/// <c>Status</c>, <c>Conflicts</c>, <c>ResolveConflict</c> and <c>ResolveConflicts</c> routes. Thin: every
/// decision lives in <see cref="IncomingSynchronization"/>.
/// </summary>
public static class IncomingSyncEndpoints
{
    /// <summary>
    /// Registers <see cref="IncomingSynchronization"/> and its <see cref="FileLockRegistry"/>, and wraps the
    /// node's <see cref="IFileSystems"/> so local writes to a file being received get HTTP 420. Call after
    /// the node registered its <see cref="IFileSystems"/>.
    /// </summary>
    public static IServiceCollection AddIncomingSynchronization(this IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IFileSystems))
            ?? throw new InvalidOperationException("Register the node's IFileSystems before AddIncomingSynchronization.");
        services.AddSingleton<FileLockRegistry>();
        // Resolved on the first request, after the node runtime started: its event stream feeds the notification hub.
        services.AddSingleton(sp => new IncomingSynchronization(
            Store(original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance), sp.GetRequiredService<FileLockRegistry>(),
            new SynchronizationPublisher(sp.GetRequiredService<NodeRuntime>().System.EventStream)));
        services.AddSingleton<IFileSystems>(sp => new LockCheckingFileSystems(
            (IFileSystems)(original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance!), sp.GetRequiredService<FileLockRegistry>()));
        return services;
    }

    public static IEndpointRouteBuilder MapIncomingSyncEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/fs/{fs}/synchronization");
        group.MapGet("LastSynchronization", LastSynchronizationAsync);
        group.MapPost("incoming/check", CheckAsync);
        group.MapPost("incoming/missing", MissingAsync);
        group.MapPost("incoming/content", ContentAsync);
        group.MapPost("incoming/metadata", MetadataAsync);
        group.MapPost("incoming/delete", DeleteAsync);
        group.MapPost("incoming/rename", RenameAsync);
        group.MapGet("Incoming", ListIncomingAsync);
        group.MapGet("Status", StatusAsync);
        group.MapGet("Conflicts", ConflictsAsync);
        group.MapPatch("ResolveConflict/{*fileName}", ResolveConflictAsync);
        group.MapPatch("ResolveConflicts", ResolveConflictsAsync);
        return app;
    }

    private static NodeFileSystems Store(object? fileSystems) => fileSystems as NodeFileSystems
        ?? throw new InvalidOperationException("Incoming synchronization needs the node's NodeFileSystems (chunk lists and remote commits).");

    private static async Task<IResult> LastSynchronizationAsync(string fs, string? from, IncomingSynchronization incoming, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        if (!Guid.TryParse(from, out var source))
            throw new BadRequestException($"The query parameter 'from' must be the source server's id (a GUID), not '{from}'.");
        return Json(await incoming.GetLastSynchronizationAsync(fileSystem, source, ct).ConfigureAwait(false));
    }

    private static Task<IResult> CheckAsync(string fs, HttpRequest request, IncomingSynchronization incoming, IFileSystems store, CancellationToken ct) =>
        HandleAsync(async () =>
        {
            var (fileSystem, source) = await ExistingAsync(fs, request, store, ct).ConfigureAwait(false);
            var body = await ReadJsonAsync<IncomingCheckRequest>(request, "{\"Files\":[{\"FileName\",\"Type\",\"Metadata\"}]}", ct).ConfigureAwait(false);
            return Json(await incoming.CheckAsync(fileSystem, source, body, ct).ConfigureAwait(false));
        });

    private static Task<IResult> MissingAsync(string fs, HttpRequest request, IncomingSynchronization incoming, IFileSystems store, CancellationToken ct) =>
        HandleAsync(async () =>
        {
            await ExistingAsync(fs, request, store, ct).ConfigureAwait(false);
            var hashes = await HashListCodec.DecodeAsync(request.Body, ct).ConfigureAwait(false);
            var missing = await incoming.GetMissingChunksAsync(hashes, ct).ConfigureAwait(false);
            return Results.Bytes(HashListCodec.Encode(missing.ToList()), HashListCodec.ContentType);
        });

    private static Task<IResult> ContentAsync(string fs, HttpRequest request, IncomingSynchronization incoming, IFileSystems store, CancellationToken ct) =>
        HandleAsync(async () =>
        {
            var (fileSystem, source) = await ExistingAsync(fs, request, store, ct).ConfigureAwait(false);
            return Json(await incoming.ApplyContentAsync(fileSystem, source, request.Body, ct).ConfigureAwait(false));
        });

    private static Task<IResult> MetadataAsync(string fs, HttpRequest request, IncomingSynchronization incoming, IFileSystems store, CancellationToken ct) =>
        HandleAsync(async () =>
        {
            var (fileSystem, source) = await ExistingAsync(fs, request, store, ct).ConfigureAwait(false);
            var body = await ReadJsonAsync<IncomingMetadataRequest>(request, "{\"FileName\",\"Metadata\"}", ct).ConfigureAwait(false);
            return Json(await incoming.ApplyMetadataAsync(fileSystem, source, body, ct).ConfigureAwait(false));
        });

    private static Task<IResult> DeleteAsync(string fs, HttpRequest request, IncomingSynchronization incoming, IFileSystems store, CancellationToken ct) =>
        HandleAsync(async () =>
        {
            var (fileSystem, source) = await ExistingAsync(fs, request, store, ct).ConfigureAwait(false);
            var body = await ReadJsonAsync<IncomingDeleteRequest>(request, "{\"FileName\",\"Metadata\"}", ct).ConfigureAwait(false);
            return Json(await incoming.ApplyDeleteAsync(fileSystem, source, body, ct).ConfigureAwait(false));
        });

    private static Task<IResult> RenameAsync(string fs, HttpRequest request, IncomingSynchronization incoming, IFileSystems store, CancellationToken ct) =>
        HandleAsync(async () =>
        {
            var (fileSystem, source) = await ExistingAsync(fs, request, store, ct).ConfigureAwait(false);
            var body = await ReadJsonAsync<IncomingRenameRequest>(request, "{\"FileName\",\"NewName\",\"Metadata\"}", ct).ConfigureAwait(false);
            return Json(await incoming.ApplyRenameAsync(fileSystem, source, body, ct).ConfigureAwait(false));
        });

    private static async Task<IResult> ListIncomingAsync(string fs, string? start, string? pageSize, IncomingSynchronization incoming, IFileSystems store,
        CancellationToken ct)
    {
        var fileSystem = await RequireFileSystemAsync(fs, store, ct).ConfigureAwait(false);
        return Json(incoming.ListIncoming(fileSystem, Paging.Start(start), Paging.PageSize(pageSize)));
    }

    private static async Task<IResult> StatusAsync(string fs, string? fileName, IncomingSynchronization incoming, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = await RequireFileSystemAsync(fs, store, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(fileName)) throw new BadRequestException("The query parameter 'fileName' is required.");
        var report = incoming.GetStatus(fileSystem, RouteNames.File(fileName));
        return report is null ? Results.Text("null", "application/json") : Json(report);
    }

    private static async Task<IResult> ConflictsAsync(string fs, string? start, string? pageSize, IncomingSynchronization incoming, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        return Json(await incoming.ListConflictsAsync(fileSystem, Paging.Start(start), Paging.PageSize(pageSize), ct).ConfigureAwait(false));
    }

    private static async Task<IResult> ResolveConflictAsync(string fs, string fileName, string? strategy, IncomingSynchronization incoming, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var name = RouteNames.File(fileName);
        var chosen = Strategy(strategy);
        try
        {
            await incoming.ResolveConflictAsync(fileSystem, name, chosen, ct).ConfigureAwait(false);
        }
        catch (ConflictNotFoundException e)
        {
            return Problems.NotFound(e.Message, Problems.FileNotFoundType);
        }
        return Results.NoContent();
    }

    private static async Task<IResult> ResolveConflictsAsync(string fs, string? strategy, IncomingSynchronization incoming, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        await incoming.ResolveConflictsAsync(fileSystem, Strategy(strategy), ct).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static ConflictResolutionStrategy Strategy(string? raw) =>
        Enum.TryParse<ConflictResolutionStrategy>(raw, ignoreCase: true, out var strategy) && Enum.IsDefined(strategy) && !int.TryParse(raw, out _)
            ? strategy
            : throw new BadRequestException(
                $"The query parameter 'strategy' must be {string.Join(" or ", Enum.GetNames<ConflictResolutionStrategy>())}, not '{raw}'.");

    /// <summary>The file system (404 when unknown) and the source's identity from the protocol headers (400 when missing).</summary>
    private static async Task<(string FileSystem, SourceInfo Source)> ExistingAsync(string fs, HttpRequest request, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = await RequireFileSystemAsync(fs, store, ct).ConfigureAwait(false);
        var id = request.Headers[SourceInfo.ServerIdHeader].ToString();
        var url = request.Headers[SourceInfo.ServerUrlHeader].ToString();
        var sourceFs = request.Headers[SourceInfo.FileSystemHeader].ToString();
        if (!Guid.TryParse(id, out var serverId))
            throw new BadRequestException($"The header {SourceInfo.ServerIdHeader} must carry the source server's id (a GUID), not '{id}'.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            throw new BadRequestException($"The header {SourceInfo.ServerUrlHeader} must carry the source server's absolute URL, not '{url}'.");
        return (fileSystem, new SourceInfo(serverId, url, sourceFs));
    }

    private static async Task<string> RequireFileSystemAsync(string fs, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        if (!await store.FileSystemExistsAsync(fileSystem, ct).ConfigureAwait(false)) throw new FileSystemNotFoundException(fileSystem);
        return fileSystem;
    }

    private static async Task<T> ReadJsonAsync<T>(HttpRequest request, string expected, CancellationToken ct) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ProtocolJson.Options, ct).ConfigureAwait(false)
                ?? throw new BadRequestException($"The request body is null; {expected} was expected.");
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The request body is not {expected}: {e.Message}");
        }
    }

    /// <summary>Protocol errors in what the source sent (a broken stream, metadata without a version, a wrong hash) are 400s with their sentence.</summary>
    private static async Task<IResult> HandleAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static IResult Json<T>(T value) => Results.Json(value, ProtocolJson.Options);
}
