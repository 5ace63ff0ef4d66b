namespace FileSync.Server.Endpoints;

/// <summary>
/// The PLM error envelope <c>{"status":1,"error_code":…,"error_message":…}</c>. Every failure under <c>/storage</c>
/// uses it — also those decided before a storage endpoint runs (API key check, unknown route) — so a PLM client
/// reads every answer of that API the same way instead of meeting an RFC 7807 document there.
/// </summary>
public static class StorageErrors
{
    public const string UnauthorizedCode = "unauthorized";
    public const string ForbiddenCode = "forbidden";
    public const string RouteNotFoundCode = "route_not_found";

    /// <summary>True for the PLM-style routes (<c>/storage</c> and below).</summary>
    public static bool AppliesTo(PathString path) => path.StartsWithSegments("/storage", StringComparison.OrdinalIgnoreCase);

    public static IResult Create(int status, string code, string message) =>
        Results.Json(new StorageError(1, code, message), StorageSynchronizerEndpoints.Json, statusCode: status);

    private sealed record StorageError(int Status, string ErrorCode, string ErrorMessage);
}
