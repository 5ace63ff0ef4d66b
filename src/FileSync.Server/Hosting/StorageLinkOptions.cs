using FileSync.Hocon;
using FileSync.Storage.Files;

namespace FileSync.Server.Hosting;

/// <summary>
/// <c>filesync.storage { file-system, remote { url, file-system, api-key } }</c>: the node's storage link (PLM
/// synchronizers). An empty <c>file-system</c> means the node has none.
/// </summary>
public sealed record StorageLinkOptions(string FileSystem, string RemoteUrl, string RemoteFileSystem, string? RemoteApiKey)
{
    /// <summary>The link, or null when <c>filesync.storage.file-system</c> is missing or empty; a half-written link is an error naming the key.</summary>
    public static StorageLinkOptions? Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var fileSystem = Optional(config, "filesync.storage.file-system");
        if (string.IsNullOrWhiteSpace(fileSystem)) return null;
        if (!FileSystemName.IsValid(fileSystem))
            throw new NodeConfigurationException($"filesync.storage.file-system '{fileSystem}' is not a valid file system name (letters, digits, '-', '_', '.').");
        var url = Optional(config, "filesync.storage.remote.url");
        if (string.IsNullOrWhiteSpace(url))
            throw new NodeConfigurationException("filesync.storage.remote.url is missing: a storage link needs the URL of the remote node, e.g. \"http://localhost:8081\".");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new NodeConfigurationException($"filesync.storage.remote.url '{url}' is not an absolute http(s) URL.");
        var remoteFileSystem = Optional(config, "filesync.storage.remote.file-system");
        if (string.IsNullOrWhiteSpace(remoteFileSystem))
            throw new NodeConfigurationException("filesync.storage.remote.file-system is missing: a storage link needs the name of the file system on the remote node.");
        if (!FileSystemName.IsValid(remoteFileSystem))
            throw new NodeConfigurationException($"filesync.storage.remote.file-system '{remoteFileSystem}' is not a valid file system name.");
        var apiKey = Optional(config, "filesync.storage.remote.api-key");
        return new StorageLinkOptions(fileSystem, url.TrimEnd('/'), remoteFileSystem, string.IsNullOrEmpty(apiKey) ? null : apiKey);
    }

    private static string? Optional(Config config, string path) => config.HasPath(path) ? config.GetString(path) : null;
}
