using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Storage;

/// <summary>A node without <c>filesync.storage</c>: creating is a 400 envelope, listing is empty.</summary>
public sealed class StorageLinkMissingTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await StorageNodes.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Post_without_a_storage_link_is_a_400_storage_link_missing_envelope()
    {
        using var response = await _node.Http.PostAsync("storage/synchronizers", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["status", "error_code", "error_message"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, body.GetProperty("status").GetInt32());
        Assert.Equal("storage_link_missing", body.GetProperty("error_code").GetString());
        Assert.Contains("filesync.storage.file-system", body.GetProperty("error_message").GetString());
    }

    [Fact]
    public async Task The_list_is_empty_without_a_storage_link()
    {
        var list = await _node.Http.GetFromJsonAsync<JsonElement>("storage/synchronizers/");

        Assert.Equal(0, list.GetProperty("status").GetInt32());
        Assert.Equal(0, list.GetProperty("synchronizers").GetArrayLength());
    }
}
