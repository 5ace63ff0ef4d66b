using FileSync.Client.Http;

namespace FileSync.Client;

/// <summary>Named JSON configuration documents of one file system (RavenFS's config?name=…).</summary>
public sealed class ConfigurationCommands
{
    private readonly ServerConnection _connection;
    private readonly Func<string> _fileSystem;

    internal ConfigurationCommands(ServerConnection connection, Func<string> fileSystem)
    {
        _connection = connection;
        _fileSystem = fileSystem;
    }

    /// <summary>The document deserialized as <typeparamref name="T"/>, or default when it does not exist.</summary>
    public async Task<T?> GetKeyAsync<T>(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Config(_fileSystem(), name));
        using var response = await _connection.SendAllowingNotFoundAsync(request, ct).ConfigureAwait(false);
        if (response is null) return default;
        return await ServerConnection.ReadJsonAsync<T>(response, ct).ConfigureAwait(false);
    }

    public Task SetKeyAsync<T>(string name, T document, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _connection.SendJsonAsync(HttpMethod.Put, Routes.Config(_fileSystem(), name), document, ct);
    }

    /// <summary>Removes the document; returns false when there was none.</summary>
    public async Task<bool> DeleteKeyAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var request = new HttpRequestMessage(HttpMethod.Delete, Routes.Config(_fileSystem(), name));
        using var response = await _connection.SendAllowingNotFoundAsync(request, ct).ConfigureAwait(false);
        return response is not null;
    }

}
