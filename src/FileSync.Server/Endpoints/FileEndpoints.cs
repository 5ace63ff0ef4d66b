using System.Globalization;
using FileSync.Server.Documents;
using FileSync.Server.Http;
using FileSync.Storage.Files;
using Microsoft.Net.Http.Headers;

namespace FileSync.Server.Endpoints;

/// <summary>
/// RavenFS file routes under <c>/fs/{fs}/files</c>: upload, download (with ranges), metadata,
/// rename, delete and listing. Handlers validate names first, then call the store; content streams
/// straight between the socket and the store in both directions.
/// </summary>
public static class FileEndpoints
{
    /// <summary>
    /// How much of a download is read per step: large enough that a step costs one or two pack reads and one
    /// socket send, small enough that a node with many downloads stays lean (Kestrel's pipe holds one piece in flight).
    /// </summary>
    private const int SendPieceSize = 1024 * 1024;

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/fs/{fs}/files");
        group.MapGet("", ListAsync);
        group.MapPut("/{*name}", PutAsync);
        group.MapGet("/{*name}", GetAsync);
        group.MapMethods("/{*name}", [HttpMethods.Head], HeadAsync);
        group.MapPost("/{*name}", UpdateMetadataAsync);
        group.MapPatch("/{*name}", RenameAsync);
        group.MapDelete("/{*name}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(string fs, string? start, string? pageSize, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var first = Paging.Start(start);
        var size = Paging.PageSize(pageSize);
        var files = await store.ListFilesAsync(fileSystem, first, size, ct).ConfigureAwait(false);
        return Results.Json(files.Select(FileHeader.From).ToArray());
    }

    private static async Task<IResult> PutAsync(string fs, string? name, HttpContext context, IFileSystems store, CancellationToken ct)
    {
        var (fileSystem, fileName) = await ResolveAsync(fs, name, store, ct).ConfigureAwait(false);
        var metadata = MetadataHeaders.FromRequest(context.Request);
        var stored = await store.PutFileAsync(fileSystem, fileName, context.Request.Body, metadata, ct).ConfigureAwait(false);
        context.Response.Headers.ETag = Quoted(stored);
        return Results.Created(FileUrl(fileSystem, fileName), null);
    }

    private static async Task GetAsync(string fs, string? name, HttpContext context, IFileSystems store, CancellationToken ct)
    {
        var file = await RequireFileAsync(fs, name, store, ct).ConfigureAwait(false);
        var response = context.Response;
        var (kind, range) = ByteRange.Parse(context.Request.Headers.Range.ToString(), file.Size);
        switch (kind)
        {
            case RangeRequest.Invalid:
                throw new BadRequestException(
                    $"The Range header '{context.Request.Headers.Range}' is malformed; use 'bytes=first-last', 'bytes=first-' or 'bytes=-suffix'.");
            case RangeRequest.Unsatisfiable:
                response.Headers.ContentRange = $"bytes */{file.Size}";
                await Problems.Create(StatusCodes.Status416RangeNotSatisfiable, "Range Not Satisfiable",
                        $"The Range header '{context.Request.Headers.Range}' lies outside the file's {file.Size} bytes.",
                        Problems.RangeNotSatisfiableType)
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            case RangeRequest.Partial:
                MetadataHeaders.WriteTo(response, file);
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {range.From}-{range.To}/{file.Size}");
                await SendAsync(response, store, file, range.From, range.Length, ct).ConfigureAwait(false);
                return;
            default:
                MetadataHeaders.WriteTo(response, file);
                await SendAsync(response, store, file, 0, file.Size, ct).ConfigureAwait(false);
                return;
        }
    }

    private static async Task HeadAsync(string fs, string? name, HttpContext context, IFileSystems store, CancellationToken ct)
    {
        var file = await RequireFileAsync(fs, name, store, ct).ConfigureAwait(false);
        MetadataHeaders.WriteTo(context.Response, file);
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Size;
    }

    private static async Task<IResult> UpdateMetadataAsync(string fs, string? name, HttpContext context, IFileSystems store, CancellationToken ct)
    {
        var (fileSystem, fileName) = await ResolveAsync(fs, name, store, ct).ConfigureAwait(false);
        var metadata = MetadataHeaders.FromRequest(context.Request);
        var stored = await store.UpdateMetadataAsync(fileSystem, fileName, metadata, ct).ConfigureAwait(false);
        context.Response.Headers.ETag = Quoted(stored);
        return Results.NoContent();
    }

    private static async Task<IResult> RenameAsync(string fs, string? name, string? rename, HttpContext context, IFileSystems store, CancellationToken ct)
    {
        var (fileSystem, fileName) = await ResolveAsync(fs, name, store, ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(rename))
            throw new BadRequestException("PATCH renames a file: the query parameter 'rename' (the new name) is required.");
        var newName = RouteNames.File(rename);
        if (newName == fileName) throw new BadRequestException($"The file is already named '{fileName}'.");
        var stored = await store.RenameFileAsync(fileSystem, fileName, newName, ct).ConfigureAwait(false);
        context.Response.Headers.ETag = Quoted(stored);
        return Results.NoContent();
    }

    private static async Task<IResult> DeleteAsync(string fs, string? name, IFileSystems store, CancellationToken ct)
    {
        var (fileSystem, fileName) = await ResolveAsync(fs, name, store, ct).ConfigureAwait(false);
        return await store.DeleteFileAsync(fileSystem, fileName, ct).ConfigureAwait(false)
            ? Results.NoContent()
            : throw new StoredFileNotFoundException(fileSystem, fileName);
    }

    /// <summary>Validates both names and checks that the file system exists, before any byte is read.</summary>
    private static async Task<(string FileSystem, string FileName)> ResolveAsync(string fs, string? name, IFileSystems store, CancellationToken ct)
    {
        var fileSystem = RouteNames.FileSystem(fs);
        var fileName = RouteNames.File(name);
        if (!await store.FileSystemExistsAsync(fileSystem, ct).ConfigureAwait(false))
            throw new FileSystemNotFoundException(fileSystem);
        return (fileSystem, fileName);
    }

    private static async Task<StoredFile> RequireFileAsync(string fs, string? name, IFileSystems store, CancellationToken ct)
    {
        var (fileSystem, fileName) = await ResolveAsync(fs, name, store, ct).ConfigureAwait(false);
        return await store.GetFileAsync(fileSystem, fileName, ct).ConfigureAwait(false)
            ?? throw new StoredFileNotFoundException(fileSystem, fileName);
    }

    /// <summary>
    /// Streams <paramref name="length"/> bytes from <paramref name="offset"/> straight into the response pipe's own
    /// memory (no buffer of ours in between): the store fills each piece with as few pack reads as the chunks'
    /// layout allows, and each flush hands the socket one large piece.
    /// </summary>
    private static async Task SendAsync(HttpResponse response, IFileSystems store, StoredFile file, long offset, long length, CancellationToken ct)
    {
        response.ContentType = "application/octet-stream";
        response.ContentLength = length;
        if (length == 0) return;
        await using var source = store.OpenRead(file, offset);
        var body = response.BodyWriter;
        var left = length;
        while (left > 0)
        {
            var piece = body.GetMemory(SendPieceSize);
            var read = await source.ReadAsync(piece[..(int)Math.Min(piece.Length, left)], ct).ConfigureAwait(false);
            if (read == 0)
                throw new InvalidDataException($"The stored content of '{file.Name}' ended {left} bytes early.");
            body.Advance(read);
            left -= read;
            var flushed = await body.FlushAsync(ct).ConfigureAwait(false);
            if (flushed.IsCanceled) throw new OperationCanceledException("The response was cancelled while the file was being sent.", ct);
            if (flushed.IsCompleted) return;   // the client went away: nothing more can be delivered
        }
    }

    private static string Quoted(StoredFile file) => new EntityTagHeaderValue($"\"{Etags.Format(file.Etag)}\"").ToString();

    private static string FileUrl(string fileSystem, string fileName) =>
        $"/fs/{Uri.EscapeDataString(fileSystem)}/files/{string.Join('/', fileName.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString))}";
}
