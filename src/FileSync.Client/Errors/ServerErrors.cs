namespace FileSync.Client;

/// <summary>Turns a failed response into the typed exception for its status.</summary>
internal static class ServerErrors
{
    public const int FileLockedStatus = 420;
    public const string ProblemTypeHeader = "FileSync-Problem-Type";

    public static async Task<FileSyncServerException> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var status = response.StatusCode;
        var problem = ProblemDetails.TryParse(body) ?? new ProblemDetails
        {
            // A HEAD answer has no body; the node repeats the problem type in a header.
            Type = response.Headers.TryGetValues(ProblemTypeHeader, out var types) ? types.FirstOrDefault() : null,
            Status = (int)status,
            Title = response.ReasonPhrase,
            Detail = string.IsNullOrWhiteSpace(body)
                ? $"The node answered {(int)status} {response.ReasonPhrase} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}."
                : body.Trim(),
        };
        return (int)status switch
        {
            404 => new FileSyncNotFoundException(status, problem),
            400 => new FileSyncBadRequestException(status, problem),
            409 => new FileSyncConflictException(status, problem),
            FileLockedStatus => new FileSyncLockedException(status, problem),
            401 or 403 => new FileSyncAuthenticationException(status, problem),
            _ => new FileSyncServerException(status, problem),
        };
    }
}
