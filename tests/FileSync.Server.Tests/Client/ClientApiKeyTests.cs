using FileSync.Client;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Client;

public sealed class ClientApiKeyTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync(o => o with { ApiKeys = ["s3cret"] });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task The_store_sends_its_api_key_and_auth_failures_are_typed()
    {
        using var good = new FilesStore { Url = _node.BaseUrl, ApiKey = "s3cret" }.Initialize();
        Assert.True(await good.AsyncFilesCommands.Admin.CreateFileSystemAsync("A"));

        using var none = new FilesStore { Url = _node.BaseUrl }.Initialize();
        var missing = await Assert.ThrowsAsync<FileSyncAuthenticationException>(() => none.AsyncFilesCommands.Admin.GetNamesAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, missing.StatusCode);

        using var wrong = new FilesStore { Url = _node.BaseUrl, ApiKey = "nope" }.Initialize();
        var refused = await Assert.ThrowsAsync<FileSyncAuthenticationException>(() => wrong.AsyncFilesCommands.Admin.GetNamesAsync());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
