using System.Net;
using FileSync.Client;
using FileSync.Client.Storage;
using FileSync.Server.Hosting;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Storage;

/// <summary><c>store.Storage.Synchronizers</c> of the .NET client against real in-process nodes.</summary>
public sealed class StorageClientTests : IAsyncLifetime
{
    private InProcessNode _b = null!;
    private InProcessNode _a = null!;

    public async Task InitializeAsync()
    {
        _b = await StorageNodes.StartAsync();
        await _b.CreateFileSystemAsync("Remote");
        _a = await StorageNodes.StartAsync(new StorageLinkOptions("Local", _b.BaseUrl, "Remote", null));
        await _a.CreateFileSystemAsync("Local");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static FilesStore StoreFor(InProcessNode node) => new FilesStore { Url = node.BaseUrl }.Initialize();

    [Fact]
    public async Task Create_get_and_list_return_the_same_synchronizer_until_it_completes()
    {
        using var store = StoreFor(_a);
        await StorageNodes.PutAsync(_a, "Local", "/x.txt", "x");

        var created = await store.Storage.Synchronizers.CreateAsync();
        Assert.StartsWith("$", created.Id);
        Assert.Equal(SynchronizerState.Triggered, created.State);

        var until = DateTime.UtcNow.AddSeconds(30);
        Synchronizer current;
        while ((current = await store.Storage.Synchronizers.GetAsync(created.Id)).State == SynchronizerState.Triggered && DateTime.UtcNow < until)
            await Task.Delay(50);

        Assert.Equal(SynchronizerState.Completed, current.State);
        Assert.Equal(created.Push.Id, current.Push.Id);
        Assert.Equal(SynchronizerState.Completed, current.Pull.State);
        var list = await store.Storage.Synchronizers.ListAsync();
        Assert.Equal(created.Id, Assert.Single(list).Id);
    }

    [Fact]
    public async Task An_unknown_id_throws_with_the_node_s_error_code_and_message()
    {
        using var store = StoreFor(_a);

        var e = await Assert.ThrowsAsync<StorageApiException>(() => store.Storage.Synchronizers.GetAsync("$00000000-0000-0000-0000-000000000001+00000000-0000-0000-0000-000000000002"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("synchronizer_not_found", e.ErrorCode);
        Assert.Contains("00000000-0000-0000-0000-000000000001", e.ErrorMessage);
    }

    [Fact]
    public async Task Create_on_a_node_without_a_storage_link_throws_storage_link_missing()
    {
        using var store = StoreFor(_b);

        var e = await Assert.ThrowsAsync<StorageApiException>(() => store.Storage.Synchronizers.CreateAsync());

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("storage_link_missing", e.ErrorCode);
    }
}
