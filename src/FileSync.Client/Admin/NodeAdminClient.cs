using System.Globalization;
using FileSync.Client.Http;

namespace FileSync.Client.Admin;

/// <summary>
/// The node's introspection routes (<c>/admin/actors|system|cluster|sharding</c>, docs/admin-api.md):
/// what the <c>filesync</c> command line shows. Errors surface as <see cref="FileSyncServerException"/>s.
/// </summary>
public sealed class NodeAdminClient
{
    private readonly ServerConnection _connection;

    internal NodeAdminClient(ServerConnection connection) => _connection = connection;

    /// <summary>The actor tree rooted at <paramref name="path"/> (default: the whole tree), <paramref name="depth"/> levels of children deep (null: all).</summary>
    public Task<ActorNode> GetActorsAsync(string? path = null, int? depth = null, CancellationToken ct = default)
    {
        if (depth is < 0) throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be 0 or more.");
        var query = new List<string>();
        if (!string.IsNullOrEmpty(path)) query.Add("path=" + Uri.EscapeDataString(path));
        if (depth is { } d) query.Add("depth=" + d.ToString(CultureInfo.InvariantCulture));
        var url = "admin/actors" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return _connection.GetJsonAsync<ActorNode>(url, ct);
    }

    public Task<NodeSystemInfo> GetSystemAsync(CancellationToken ct = default) =>
        _connection.GetJsonAsync<NodeSystemInfo>("admin/system", ct);

    public Task<ClusterState> GetClusterAsync(CancellationToken ct = default) =>
        _connection.GetJsonAsync<ClusterState>("admin/cluster", ct);

    /// <summary>Asks the node to leave its cluster; throws <see cref="FileSyncConflictException"/> when cluster mode is off.</summary>
    public async Task LeaveClusterAsync(CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/cluster/leave") { Content = new ByteArrayContent([]) };
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
    }

    /// <summary>Takes unreachable members down; returns their addresses.</summary>
    public async Task<DownUnreachableResult> DownUnreachableAsync(CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/cluster/down-unreachable") { Content = new ByteArrayContent([]) };
        using var response = await _connection.SendAsync(request, ct).ConfigureAwait(false);
        return await ServerConnection.ReadJsonAsync<DownUnreachableResult>(response, ct).ConfigureAwait(false);
    }

    /// <summary>Shards and entities per node of <paramref name="typeName"/> (<c>destination</c>); 404 for an unknown type.</summary>
    public Task<RegionStats> GetRegionStatsAsync(string typeName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        return _connection.GetJsonAsync<RegionStats>("admin/sharding/" + Uri.EscapeDataString(typeName), ct);
    }
}
