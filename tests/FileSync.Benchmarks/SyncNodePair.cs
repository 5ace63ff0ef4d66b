using System.Globalization;
using System.Text;
using System.Text.Json;
using FileSync.TestSupport;

namespace FileSync.Benchmarks;

/// <summary>
/// Two node processes for the sync-vs-rsync benchmark: A's file system <c>Bench</c> pushes to B's <c>Bench</c>
/// through a <see cref="SyncByteCountingProxy"/>. The destination stays disabled while a workload's changes are
/// written to A, so nothing travels before the timed part starts.
/// </summary>
public sealed class SyncNodePair : IAsyncDisposable
{
    public const string FileSystem = "Bench";
    private readonly List<ChildProcess> _processes = [];

    private SyncNodePair(HttpClient a, HttpClient b, SyncByteCountingProxy proxy)
    {
        A = a;
        B = b;
        Proxy = proxy;
    }

    public HttpClient A { get; }
    public HttpClient B { get; }
    public SyncByteCountingProxy Proxy { get; }

    /// <summary>Process ids of node A and node B, in that order.</summary>
    public IReadOnlyList<int> Pids { get; private set; } = [];

    private string DestinationUrl => $"http://127.0.0.1:{Proxy.Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<SyncNodePair> StartAsync(string folder)
    {
        var portA = FreePort.Next();
        var portB = FreePort.Next();
        var proxy = new SyncByteCountingProxy(portB);
        var pair = new SyncNodePair(Client(portA), Client(portB), proxy);
        var b = StartNodeAsync(pair, Path.Combine(folder, "node-b"), portB, "");
        var a = StartNodeAsync(pair, Path.Combine(folder, "node-a"), portA,
            $$"""destinations = [ { url = "{{pair.DestinationUrl}}", file-system = "{{FileSystem}}", enabled = false } ]""");
        pair.Pids = [(await a).Id, (await b).Id];
        return pair;
    }

    private static HttpClient Client(int port) => new()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"),
        Timeout = TimeSpan.FromMinutes(10),
    };

    private static async Task<ChildProcess> StartNodeAsync(SyncNodePair pair, string folder, int port, string destinations)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "node.conf");
        await File.WriteAllTextAsync(config, $$"""
            filesync {
              node { url = "http://127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}}", data-dir = "{{Path.Combine(folder, "data")}}" }
              logging.level = Warning
              synchronization.interval = 1h
              file-systems = [ { name = "{{FileSystem}}", max-per-destination = 5, {{destinations}} } ]
            }
            """);
        var process = ChildProcess.StartNode("--config", config);
        lock (pair._processes) pair._processes.Add(process);
        await process.WaitForLineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return process;
    }

    public static string Route(string name) =>
        $"fs/{FileSystem}/files/" + string.Join('/', name.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));

    public async Task UploadAsync(string name, string localFile)
    {
        await using var input = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var content = new StreamContent(input, 1 << 20);
        using var response = await A.PutAsync(Route(name), content);
        await EnsureAsync(response);
    }

    public async Task SetMetadataAsync(string name, string key, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route(name)) { Content = new ByteArrayContent([]) };
        request.Headers.TryAddWithoutValidation(key, value);
        using var response = await A.SendAsync(request);
        await EnsureAsync(response);
    }

    public async Task RenameAsync(string name, string newName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Route(name)}?rename={Uri.EscapeDataString(newName)}");
        using var response = await A.SendAsync(request);
        await EnsureAsync(response);
    }

    /// <summary>Turns A's destination on or off (the <c>Raven/Synchronization/Destinations</c> document).</summary>
    public async Task SetDestinationEnabledAsync(bool enabled)
    {
        var body = JsonSerializer.Serialize(new { Destinations = new[] { new { ServerUrl = DestinationUrl, FileSystem, Enabled = enabled } } });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await A.PutAsync($"fs/{FileSystem}/config?name={Uri.EscapeDataString("Raven/Synchronization/Destinations")}", content);
        await EnsureAsync(response);
    }

    /// <summary><c>ToDestinations?forceSyncingAll=true</c>: start everything pending; returns the answer's text.</summary>
    public async Task<string> TriggerAsync()
    {
        using var response = await A.PostAsync($"fs/{FileSystem}/synchronization/ToDestinations?forceSyncingAll=true", new ByteArrayContent([]));
        await EnsureAsync(response);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Active + pending synchronizations on A.</summary>
    public async Task<long> OutstandingAsync()
    {
        long total = 0;
        foreach (var list in new[] { "Active", "Pending" })
        {
            using var response = await A.GetAsync($"fs/{FileSystem}/synchronization/{list}?start=0&pageSize=1");
            await EnsureAsync(response);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            total += json.RootElement.GetProperty("TotalCount").GetInt64();
        }
        return total;
    }

    /// <summary>Every file of a node: name → (content hash, synchronization version, user marker).</summary>
    public static async Task<Dictionary<string, string>> ListAsync(HttpClient node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var start = 0; ; start += 1024)
        {
            using var response = await node.GetAsync($"fs/{FileSystem}/files?start={start.ToString(CultureInfo.InvariantCulture)}&pageSize=1024");
            await EnsureAsync(response);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var page = json.RootElement.EnumerateArray().ToList();
            foreach (var file in page)
            {
                var metadata = file.GetProperty("Metadata");
                result[file.GetProperty("FullPath").GetString()!] =
                    $"{Value(metadata, "Content-BLAKE3")}|{Value(metadata, "Raven-Synchronization-Version")}|{Value(metadata, "Bench-Touch")}";
            }
            if (page.Count < 1024) return result;
        }
    }

    public async Task<byte[]> DownloadHashAsync(string name)
    {
        using var response = await B.GetAsync(Route(name), HttpCompletionOption.ResponseHeadersRead);
        await EnsureAsync(response);
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await System.Security.Cryptography.SHA256.HashDataAsync(stream);
    }

    private static string Value(JsonElement metadata, string key)
    {
        foreach (var p in metadata.EnumerateObject())
        {
            if (string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) return p.Value.ToString();
        }
        return "";
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _processes) p.Dispose();
        A.Dispose();
        B.Dispose();
        await Proxy.DisposeAsync();
    }
}
