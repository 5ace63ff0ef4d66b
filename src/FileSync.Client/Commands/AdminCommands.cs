using System.Net;
using FileSync.Client.Http;

namespace FileSync.Client;

/// <summary>Node-wide administration.</summary>
public sealed class AdminCommands
{
    private readonly ServerConnection _connection;

    internal AdminCommands(ServerConnection connection) => _connection = connection;

    /// <summary>Creates the file system; returns false when it already existed.</summary>
    public async Task<bool> CreateFileSystemAsync(string fileSystem, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileSystem);
        using var request = new HttpRequestMessage(HttpMethod.Put, Routes.AdminFileSystem(fileSystem));
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>The names of the node's file systems.</summary>
    public Task<string[]> GetNamesAsync(CancellationToken ct = default) =>
        _connection.GetJsonAsync<string[]>(Routes.FileSystems(), ct);
}
