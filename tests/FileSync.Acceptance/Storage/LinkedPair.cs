using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Storage;

/// <summary>
/// Two node processes joined by a storage link: A's <c>Local</c> ↔ B's <c>Remote</c> (no synchronization
/// destinations, background passes an hour apart: only synchronizers move files). Raw HTTP for the PLM routes.
/// </summary>
public sealed class LinkedPair : IAsyncDisposable
{
    public const string LocalFs = "Local";
    public const string RemoteFs = "Remote";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly int? _maxPerDestination;
    private Topology _topology = null!;

    public LinkedPair(int? maxPerDestination = null)
    {
        _maxPerDestination = maxPerDestination;
        Build();
    }

    public NodeProcess A { get; private set; } = null!;
    public NodeProcess B { get; private set; } = null!;

    private void Build()
    {
        _topology = new Topology();
        A = _topology.Define("a");
        B = _topology.Define("b");
        var max = _maxPerDestination is { } m ? string.Create(CultureInfo.InvariantCulture, $"\n  synchronization.max-per-destination = {m}") : "";
        A.Configure(NodeConfig.Render([new FileSystemSpec(LocalFs)]) + max + $$"""

              storage { file-system = "{{LocalFs}}", remote { url = "{{B.Url}}", file-system = "{{RemoteFs}}" } }
            """);
        B.Configure(NodeConfig.Render([new FileSystemSpec(RemoteFs)]) + max);
    }

    public AsyncFilesCommands OnA => _topology.Client(A, LocalFs);
    public AsyncFilesCommands OnB => _topology.Client(B, RemoteFs);

    public Task StartBothAsync() => WithFreshPortsOnClashAsync(() => _topology.StartAllAsync());

    /// <summary>Starts A alone (B stays down).</summary>
    public Task StartAOnlyAsync() => WithFreshPortsOnClashAsync(() => A.StartAsync());

    /// <summary>
    /// A port reserved up front can be taken by another process on this shared machine before the node binds it:
    /// then the pair is defined again on fresh ports (at most twice). A and B must be read after starting.
    /// </summary>
    private async Task WithFreshPortsOnClashAsync(Func<Task> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await start();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await _topology.DisposeAsync();
                Build();
            }
        }
    }

    /// <summary>POST /storage/synchronizers on A; answers the synchronizer object.</summary>
    public async Task<JsonElement> CreateAsync()
    {
        using var response = await _http.PostAsync($"{A.Url}/storage/synchronizers", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"POST answered {(int)response.StatusCode}: {body}");
        Assert.Equal(0, body.GetProperty("status").GetInt32());
        return body.GetProperty("synchronizer");
    }

    /// <summary>GET /storage/synchronizers/{id} on A: the whole answer (envelope included).</summary>
    public async Task<(int Status, JsonElement Body)> GetAsync(string id)
    {
        using var response = await _http.GetAsync($"{A.Url}/storage/synchronizers/{Uri.EscapeDataString(id)}");
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>
    /// Polls GET until both phases ended (the whole is already <c>error</c> while the pull still runs after a failed push).
    /// </summary>
    public async Task<JsonElement> UntilFinishedAsync(string id, TimeSpan? timeout = null)
    {
        var body = await Eventually.GetAsync($"synchronizer {id} to leave 'triggered'",
            async () => (await GetAsync(id)).Body,
            b => b.TryGetProperty("synchronizer", out var s) && Ended(s.GetProperty("push")) && Ended(s.GetProperty("pull")),
            timeout ?? TimeSpan.FromSeconds(60));
        return body.GetProperty("synchronizer");
    }

    private static bool Ended(JsonElement phase) => phase.GetProperty("state").GetString() != "triggered";

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _topology.DisposeAsync();
    }
}
