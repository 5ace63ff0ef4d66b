using System.Net.Http.Json;
using System.Text.Json;
using FileSync.Server.Hosting;
using FileSync.Server.Tests.Support;
using FileSync.TestSupport;

namespace FileSync.Server.Tests.Storage;

/// <summary>In-process nodes on real free ports (the pull tells the remote this node's URL) and the polling the storage tests share.</summary>
public static class StorageNodes
{
    public static Task<InProcessNode> StartAsync(StorageLinkOptions? link = null) =>
        InProcessNode.StartAsync(o => o with { Url = $"http://127.0.0.1:{FreePort.Next()}", StorageLink = link });

    public static async Task PutAsync(InProcessNode node, string fs, string name, string text)
    {
        using var response = await node.Http.PutAsync($"fs/{fs}/files{name}", new StringContent(text));
        response.EnsureSuccessStatusCode();
    }

    public static async Task<string?> ReadAsync(InProcessNode node, string fs, string name)
    {
        using var response = await node.Http.GetAsync($"fs/{fs}/files{name}");
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    /// <summary>GETs the synchronizer until both its phases ended; answers its JSON.</summary>
    public static async Task<JsonElement> UntilFinishedAsync(InProcessNode node, string id)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var body = await node.Http.GetFromJsonAsync<JsonElement>($"storage/synchronizers/{Uri.EscapeDataString(id)}");
            var synchronizer = body.GetProperty("synchronizer");
            // Both phases: the whole is already "error" while the pull still runs after a failed push.
            if (synchronizer.GetProperty("push").GetProperty("state").GetString() != "triggered"
                && synchronizer.GetProperty("pull").GetProperty("state").GetString() != "triggered") return synchronizer;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{id} is still triggered: {synchronizer}");
            await Task.Delay(50);
        }
    }
}
