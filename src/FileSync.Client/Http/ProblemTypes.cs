namespace FileSync.Client.Http;

/// <summary>
/// The node's problem "type" values that the client relies on. A missing file or configuration
/// document is an answer (null) for some calls, while a missing file system is always an error.
/// </summary>
internal static class ProblemTypes
{
    public const string FileNotFound = "urn:filesync:file-not-found";
    public const string ConfigNotFound = "urn:filesync:config-not-found";

    public static bool IsMissingItem(ProblemDetails problem) =>
        problem.Type is FileNotFound or ConfigNotFound;
}
