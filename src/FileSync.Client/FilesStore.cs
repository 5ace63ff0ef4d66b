using FileSync.Client.Http;
using FileSync.Client.Notifications;

namespace FileSync.Client;

/// <summary>
/// Entry point of the client (RavenFS shape): set <see cref="Url"/>, <see cref="DefaultFileSystem"/>
/// and optionally <see cref="ApiKey"/>, call <see cref="Initialize"/>, then use <see cref="AsyncFilesCommands"/>.
/// One store holds one pooled HTTP connection; keep it for the application's lifetime.
/// </summary>
public sealed class FilesStore : IDisposable
{
    private ServerConnection? _connection;
    private AsyncFilesCommands? _commands;

    public string Url { get; set; } = "";
    public string? DefaultFileSystem { get; set; }

    /// <summary>Sent as <c>Authorization: ApiKey …</c> on every request when set.</summary>
    public string? ApiKey { get; set; }

    public bool IsInitialized => _connection is not null;

    public FilesStore Initialize()
    {
        if (_connection is not null) return this;
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"FilesStore.Url '{Url}' is not an absolute http(s) URL.");
        _connection = new ServerConnection(Url, ApiKey);
        _commands = new AsyncFilesCommands(_connection, DefaultFileSystem);
        return this;
    }

    /// <summary>Commands bound to <see cref="DefaultFileSystem"/>; use <c>ForFileSystem(name)</c> for another one.</summary>
    public AsyncFilesCommands AsyncFilesCommands =>
        _commands ?? throw new InvalidOperationException("Call FilesStore.Initialize() before using AsyncFilesCommands.");

    /// <summary>The node's introspection routes: actor tree, system, cluster membership, sharding (docs/admin-api.md).</summary>
    public Admin.NodeAdminClient NodeAdmin =>
        new(_connection ?? throw new InvalidOperationException("Call FilesStore.Initialize() before using NodeAdmin."));

    /// <summary>The node's notifications WebSocket: <c>ConnectAsync</c> / <c>SubscribeAsync</c> (docs/notifications.md).</summary>
    public NotificationCommands Notifications =>
        _connection is null ? throw new InvalidOperationException("Call FilesStore.Initialize() before using Notifications.") : new(Url, ApiKey);

    /// <summary>The node's PLM-style storage routes: <c>Storage.Synchronizers.CreateAsync/GetAsync/ListAsync</c> (docs/storage-synchronizers.md).</summary>
    public Storage.StorageCommands Storage =>
        new(_connection ?? throw new InvalidOperationException("Call FilesStore.Initialize() before using Storage."));

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        _commands = null;
    }
}
