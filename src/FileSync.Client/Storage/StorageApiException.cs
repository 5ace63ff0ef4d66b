using System.Net;

namespace FileSync.Client.Storage;

/// <summary>
/// A <c>/storage</c> route answered <c>{"status":1,"error_code":…,"error_message":…}</c> (or something that is not
/// an envelope at all, then <see cref="ErrorCode"/> is <c>unexpected_answer</c>).
/// </summary>
public sealed class StorageApiException(HttpStatusCode statusCode, string errorCode, string errorMessage)
    : Exception($"{errorMessage} ({errorCode}, HTTP {(int)statusCode})")
{
    public const string UnexpectedAnswer = "unexpected_answer";

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>e.g. <c>storage_link_missing</c>, <c>synchronizer_not_found</c>.</summary>
    public string ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = errorMessage;
}
