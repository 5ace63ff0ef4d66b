using System.Text.Encodings.Web;
using System.Text.Json;
using FileSync.Kernel;
using FileSync.Sync.Synchronizers;

namespace FileSync.Server.Endpoints;

/// <summary>
/// <c>/storage/synchronizers</c> (API.md §6, PLM style): snake/lower-case JSON in the envelopes
/// <c>{"status":0,"synchronizer":{…}}</c> and <c>{"status":1,"error_code":…,"error_message":…}</c>, whatever the
/// application's default JSON naming (PascalCase for the RavenFS routes).
/// </summary>
public static class StorageSynchronizerEndpoints
{
    public const string Route = "/storage/synchronizers";
    public const string StorageLinkMissingCode = "storage_link_missing";
    public const string NotFoundCode = "synchronizer_not_found";
    public const string MethodNotAllowedCode = "method_not_allowed";
    public const string UnavailableCode = "synchronizers_unavailable";

    /// <summary>The JSON of every <c>/storage</c> answer.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Ids keep their literal '+' ("$push+pull") instead of the default escaping to \u002B.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] OtherMethods = ["PUT", "DELETE", "PATCH"];

    public static IEndpointRouteBuilder MapStorageSynchronizerEndpoints(this IEndpointRouteBuilder app)
    {
        // Routing ignores a trailing slash, so POST /storage/synchronizers/ (the seed's spelling) lands here too.
        app.MapPost(Route, CreateAsync);
        app.MapGet(Route, ListAsync);
        app.MapGet(Route + "/{id}", GetAsync);
        app.MapMethods(Route, OtherMethods, (HttpRequest request) => MethodNotAllowed(request, "GET or POST"));
        app.MapMethods(Route + "/{id}", [.. OtherMethods, "POST"], (HttpRequest request) => MethodNotAllowed(request, "GET"));
        return app;
    }

    /// <summary>The body is ignored (PLM: none or empty).</summary>
    private static async Task<IResult> CreateAsync(StorageSynchronizers synchronizers, CancellationToken ct)
    {
        try
        {
            return Ok(new SynchronizerEnvelope(0, await synchronizers.CreateAsync(ct).ConfigureAwait(false)));
        }
        catch (StorageLinkMissingException e)
        {
            return Error(StatusCodes.Status400BadRequest, StorageLinkMissingCode, e.Message);
        }
        catch (AskTimeoutException e)
        {
            return Unavailable(e);
        }
    }

    private static async Task<IResult> GetAsync(string id, StorageSynchronizers synchronizers, CancellationToken ct)
    {
        try
        {
            var view = await synchronizers.GetAsync(id, ct).ConfigureAwait(false);
            return view is null
                ? Error(StatusCodes.Status404NotFound, NotFoundCode, $"No storage synchronizer has the id '{id}' (ids look like $<push-id>+<pull-id>; only the newest finished ones are kept).")
                : Ok(new SynchronizerEnvelope(0, view));
        }
        catch (AskTimeoutException e)
        {
            return Unavailable(e);
        }
    }

    private static async Task<IResult> ListAsync(StorageSynchronizers synchronizers, CancellationToken ct)
    {
        try
        {
            return Ok(new SynchronizerListEnvelope(0, await synchronizers.ListAsync(ct).ConfigureAwait(false)));
        }
        catch (AskTimeoutException e)
        {
            return Unavailable(e);
        }
    }

    private static IResult MethodNotAllowed(HttpRequest request, string allowed)
    {
        request.HttpContext.Response.Headers.Allow = allowed.Replace(" or ", ", ", StringComparison.Ordinal);
        return Error(StatusCodes.Status405MethodNotAllowed, MethodNotAllowedCode, $"{request.Method} is not allowed on {request.Path}; use {allowed}.");
    }

    private static IResult Unavailable(AskTimeoutException e) =>
        Error(StatusCodes.Status503ServiceUnavailable, UnavailableCode, $"The synchronizers did not answer in time; try again. ({e.Message})");

    private static IResult Ok(object body) => Results.Json(body, Json);

    private static IResult Error(int status, string code, string message) => StorageErrors.Create(status, code, message);

    private sealed record SynchronizerEnvelope(int Status, SynchronizerView Synchronizer);

    private sealed record SynchronizerListEnvelope(int Status, IReadOnlyList<SynchronizerView> Synchronizers);
}
