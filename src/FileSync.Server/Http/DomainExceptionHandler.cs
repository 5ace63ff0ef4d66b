using FileSync.Storage.Files;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FileSync.Server.Http;

/// <summary>
/// Turns exceptions escaping a handler into problem details: the store's not-found and bad-name
/// exceptions and the HTTP layer's <see cref="BadRequestException"/> become 404/400/409 with the
/// exception's sentence; anything else is a 500 that is logged.
/// </summary>
public sealed partial class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }
        var (status, title, type, detail) = Classify(exception);
        if (status >= 500) LogUnhandled(log, context.Request.Method, context.Request.Path, exception);
        context.Response.StatusCode = status;
        // HEAD answers carry no body: the problem type travels in a header too, so clients can still tell a missing file from a missing file system.
        context.Response.Headers[Problems.TypeHeader] = type;
        var body = new ProblemDetails { Status = status, Title = title, Type = type, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = body,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    public static (int Status, string Title, string Type, string Detail) Classify(Exception exception) => exception switch
    {
        FileSystemNotFoundException e => (404, "Not Found", Problems.FileSystemNotFoundType, e.Message),
        StoredFileNotFoundException e => (404, "Not Found", Problems.FileNotFoundType, e.Message),
        FileAlreadyExistsException e => (409, "Conflict", Problems.ConflictType, e.Message),
        FileSync.Sync.Incoming.FileLockedException e => (Problems.FileLockedStatus, "Locked", Problems.FileLockedType, e.Message),
        BadRequestException e => (400, "Bad Request", Problems.BadRequestType, e.Message),
        InvalidFileNameException e => (400, "Bad Request", Problems.BadRequestType, e.Message),
        BadHttpRequestException e => (e.StatusCode, "Bad Request", Problems.BadRequestType, e.Message),
        ArgumentException e => (400, "Bad Request", Problems.BadRequestType, e.Message),
        _ => (500, "Internal Server Error", Problems.InternalErrorType,
            $"The node failed to handle the request: {exception.Message}"),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
