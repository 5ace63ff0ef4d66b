using Microsoft.AspNetCore.Mvc;

namespace FileSync.Server.Http;

/// <summary>
/// RFC 7807 answers. Every error carries a human sentence in <c>detail</c> and a stable
/// <c>type</c> (a urn the .NET client uses to tell, e.g., a missing file from a missing file system).
/// </summary>
public static class Problems
{
    public const string FileSystemNotFoundType = "urn:filesync:file-system-not-found";
    public const string FileNotFoundType = "urn:filesync:file-not-found";
    public const string ConfigNotFoundType = "urn:filesync:config-not-found";
    public const string RouteNotFoundType = "urn:filesync:route-not-found";
    public const string BadRequestType = "urn:filesync:bad-request";
    public const string ConflictType = "urn:filesync:conflict";
    public const string FileLockedType = "urn:filesync:file-locked";
    public const string UnauthorizedType = "urn:filesync:unauthorized";
    public const string ForbiddenType = "urn:filesync:forbidden";
    public const string RangeNotSatisfiableType = "urn:filesync:range-not-satisfiable";
    public const string InternalErrorType = "urn:filesync:internal-error";

    /// <summary>Response header repeating the problem type (HEAD answers have no body).</summary>
    public const string TypeHeader = "FileSync-Problem-Type";

    /// <summary>RavenFS's status for "the file is being written by an incoming synchronization".</summary>
    public const int FileLockedStatus = 420;

    public static IResult NotFound(string detail, string type) => Create(StatusCodes.Status404NotFound, "Not Found", detail, type);

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Bad Request", detail, BadRequestType);

    public static IResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, "Conflict", detail, ConflictType);

    public static IResult Create(int status, string title, string detail, string type) =>
        Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type });
}
