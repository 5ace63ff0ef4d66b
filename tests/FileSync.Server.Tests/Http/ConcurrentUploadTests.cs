using System.Net;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Http;

public sealed class ConcurrentUploadTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync()
    {
        _node = await InProcessNode.StartAsync();
        await _node.CreateFileSystemAsync("NorthwindFS");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task<(string Etag, byte[] Content)> UploadAsync(string name, int seed)
    {
        var content = Content.Bytes(200_000 + seed * 1000, seed);
        using var response = await _node.Http.PutAsync($"fs/NorthwindFS/files/{name}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.ETag!.Tag, content);
    }

    [Fact]
    public async Task Uploads_to_different_files_all_complete_with_distinct_etags()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => UploadAsync($"many/f{i}.bin", i)));
        Assert.Equal(16, results.Select(r => r.Etag).Distinct().Count());
        for (var i = 0; i < 16; i++)
            Assert.Equal(results[i].Content, await _node.Http.GetByteArrayAsync($"fs/NorthwindFS/files/many/f{i}.bin"));
    }

    [Fact]
    public async Task Uploads_to_the_same_file_complete_with_distinct_etags_and_the_highest_etag_wins()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => UploadAsync("same.bin", i)));
        Assert.Equal(12, results.Select(r => r.Etag).Distinct().Count());

        // The final version is the one whose commit got the highest ETag, complete and unmixed.
        var winner = results.OrderBy(r => r.Etag, StringComparer.Ordinal).Last();
        using var get = await _node.Http.GetAsync("fs/NorthwindFS/files/same.bin");
        Assert.Equal(winner.Etag, get.Headers.ETag!.Tag);
        Assert.Equal(winner.Content, await get.Content.ReadAsByteArrayAsync());
    }
}
