using FileSync.Storage.Files;

namespace FileSync.Server.Notifications;

/// <summary>
/// The resources a WebSocket subscriber can ask for: <c>/storage/synchronizers</c>, <c>/fs/{fs}/synchronization</c>
/// and <c>*</c> (everything). Resource names are compared case-insensitively, like file system names.
/// </summary>
public static class NotificationResources
{
    public const string Synchronizers = "/storage/synchronizers";
    public const string All = "*";

    /// <summary>The resource of the server's own messages (<c>connection.established</c>, <c>error</c>, acknowledgements).</summary>
    public const string Notifications = "/notifications";

    /// <summary>The resource a client names on the messages it sends.</summary>
    public const string Client = "_client";

    private const string FileSystemPrefix = "/fs/";
    private const string SynchronizationSuffix = "/synchronization";

    public static string Synchronization(string fileSystem) => FileSystemPrefix + fileSystem + SynchronizationSuffix;

    /// <summary>True for the resources above (a file system name must be a valid one; it need not exist yet).</summary>
    public static bool IsKnown(string resource) =>
        resource == All
        || string.Equals(resource, Synchronizers, StringComparison.OrdinalIgnoreCase)
        || FileSystemOf(resource) is not null;

    /// <summary>The file system of <c>/fs/{fs}/synchronization</c>, or null for any other resource.</summary>
    public static string? FileSystemOf(string resource)
    {
        if (!resource.StartsWith(FileSystemPrefix, StringComparison.OrdinalIgnoreCase)
            || !resource.EndsWith(SynchronizationSuffix, StringComparison.OrdinalIgnoreCase)
            || resource.Length <= FileSystemPrefix.Length + SynchronizationSuffix.Length)
            return null;
        var name = resource[FileSystemPrefix.Length..^SynchronizationSuffix.Length];
        return FileSystemName.IsValid(name) ? name : null;
    }

    /// <summary>The sentence an unknown resource gets.</summary>
    public static string Describe() =>
        $"Known resources are '{Synchronizers}', '/fs/{{file system}}/synchronization' and '{All}' (everything).";
}
