using System.Net;

namespace FileSync.Client;

/// <summary>The node answered with an error; <see cref="ProblemDetails"/> carries its explanation.</summary>
public class FileSyncServerException : Exception
{
    public FileSyncServerException(HttpStatusCode statusCode, ProblemDetails problemDetails)
        : base(MessageOf(statusCode, problemDetails))
    {
        StatusCode = statusCode;
        ProblemDetails = problemDetails;
    }

    public HttpStatusCode StatusCode { get; }
    public ProblemDetails ProblemDetails { get; }

    private static string MessageOf(HttpStatusCode status, ProblemDetails problem) =>
        problem.Detail ?? problem.Title ?? $"The node answered {(int)status} {status}.";
}

/// <summary>404: the file system, file or configuration document does not exist.</summary>
public sealed class FileSyncNotFoundException(HttpStatusCode statusCode, ProblemDetails problemDetails)
    : FileSyncServerException(statusCode, problemDetails);

/// <summary>400: the node rejected the request's input (a bad name, body, header or parameter).</summary>
public sealed class FileSyncBadRequestException(HttpStatusCode statusCode, ProblemDetails problemDetails)
    : FileSyncServerException(statusCode, problemDetails);

/// <summary>409: the request conflicts with the current state (e.g. renaming onto an existing file).</summary>
public sealed class FileSyncConflictException(HttpStatusCode statusCode, ProblemDetails problemDetails)
    : FileSyncServerException(statusCode, problemDetails);

/// <summary>420: the file is locked because a synchronization is writing it; retry later.</summary>
public sealed class FileSyncLockedException(HttpStatusCode statusCode, ProblemDetails problemDetails)
    : FileSyncServerException(statusCode, problemDetails);

/// <summary>401 (no API key) or 403 (the API key is not accepted).</summary>
public sealed class FileSyncAuthenticationException(HttpStatusCode statusCode, ProblemDetails problemDetails)
    : FileSyncServerException(statusCode, problemDetails);
