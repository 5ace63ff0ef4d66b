using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Storage;

/// <summary><c>POST /fs/{fs}/synchronization/Drain</c>: drains a file system to the destination in the body.</summary>
public sealed class DrainRouteTests : IAsyncLifetime
{
    private InProcessNode _a = null!;
    private InProcessNode _b = null!;

    public async Task InitializeAsync()
    {
        _a = await StorageNodes.StartAsync();
        _b = await StorageNodes.StartAsync();
        await _a.CreateFileSystemAsync("Source");
        await _b.CreateFileSystemAsync("Target");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private Task<HttpResponseMessage> DrainAsync(string fs, string body) =>
        _a.Http.PostAsync($"fs/{fs}/synchronization/Drain", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

    [Fact]
    public async Task Drain_with_a_lenient_body_sends_every_file_and_answers_a_PascalCase_DestinationSyncResult()
    {
        for (var i = 0; i < 7; i++) await StorageNodes.PutAsync(_a, "Source", $"/d/{i}.txt", $"file {i}");

        using var response = await DrainAsync("Source", $"{{'ServerUrl':'{_b.BaseUrl}','FileSystem':'Target'}}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(_b.BaseUrl, result.GetProperty("DestinationServer").GetString());
        Assert.Equal("Target", result.GetProperty("DestinationFileSystem").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("Exception").ValueKind);
        Assert.Equal(7, result.GetProperty("Reports").GetArrayLength());
        for (var i = 0; i < 7; i++) Assert.Equal($"file {i}", await StorageNodes.ReadAsync(_b, "Target", $"/d/{i}.txt"));
    }

    [Fact]
    public async Task Drain_of_an_unknown_file_system_is_a_404_and_a_bad_body_a_400()
    {
        using var unknown = await DrainAsync("Nope", $"{{'ServerUrl':'{_b.BaseUrl}','FileSystem':'Target'}}");
        using var bad = await DrainAsync("Source", "[1,2]");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("SynchronizationDestination", await bad.Content.ReadAsStringAsync());
    }
}
