using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Http;

public sealed class FileRoutesTests : IAsyncLifetime
{
    private InProcessNode _node = null!;
    private HttpClient Http => _node.Http;

    public async Task InitializeAsync()
    {
        _node = await InProcessNode.StartAsync();
        await _node.CreateFileSystemAsync("NorthwindFS");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task<HttpResponseMessage> PutAsync(string name, byte[] content, params (string Key, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"fs/NorthwindFS/files/{name}") { Content = new ByteArrayContent(content) };
        foreach (var (key, value) in headers) request.Headers.TryAddWithoutValidation(key, value);
        return await Http.SendAsync(request);
    }

    [Fact]
    public async Task Put_answers_201_with_an_etag_and_get_returns_the_same_bytes_and_metadata()
    {
        var content = Content.Bytes(300_000);
        using var put = await PutAsync("books/Inside.RavenDB.3.0.pdf", content, ("Owner", "Ayende"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Matches("^\"00000000-0000-0001-[0-9A-F]{4}-[0-9A-F]{12}\"$", put.Headers.ETag!.Tag);

        using var get = await Http.GetAsync("fs/NorthwindFS/files/books/Inside.RavenDB.3.0.pdf");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(content, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal("Ayende", get.Headers.GetValues("Owner").Single());
        Assert.Equal(put.Headers.ETag.Tag, get.Headers.ETag!.Tag);
        Assert.Equal(Content.ContentHash(content), get.Headers.GetValues("Content-BLAKE3").Single());
        Assert.True(get.Headers.Contains("Raven-Synchronization-Version"));
        Assert.NotNull(get.Content.Headers.LastModified);
    }

    [Fact]
    public async Task A_name_with_or_without_leading_slash_and_escaped_characters_is_the_same_file()
    {
        var content = Content.Bytes(10);
        using var put = await PutAsync("pdfs/NoSQL%20Tech%20Comparison%20Report.pdf", content);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var get = await Http.GetAsync("fs/NorthwindFS/files//pdfs/NoSQL%20Tech%20Comparison%20Report.pdf");
        Assert.Equal(content, await get.Content.ReadAsByteArrayAsync());
        var list = await Http.GetFromJsonAsync<JsonElement>("fs/NorthwindFS/files");
        Assert.Equal("/pdfs/NoSQL Tech Comparison Report.pdf", list[0].GetProperty("FullPath").GetString());
        Assert.Equal("NoSQL Tech Comparison Report.pdf", list[0].GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Headers_the_node_computes_are_not_taken_as_metadata()
    {
        var content = Content.Bytes(64);
        using var put = await PutAsync("h.bin", content, ("Content-BLAKE3", "forged"), ("ETag", "\"x\""), ("Kept", "yes"));
        using var get = await Http.GetAsync("fs/NorthwindFS/files/h.bin");
        Assert.Equal(Content.ContentHash(content), get.Headers.GetValues("Content-BLAKE3").Single());
        Assert.Equal(put.Headers.ETag!.Tag, get.Headers.ETag!.Tag);
        Assert.Equal("yes", get.Headers.GetValues("Kept").Single());
    }

    [Fact]
    public async Task Head_returns_metadata_and_length_without_a_body()
    {
        var content = Content.Bytes(1234);
        (await PutAsync("a.bin", content, ("Color", "blue"))).Dispose();
        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "fs/NorthwindFS/files/a.bin"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(1234, head.Content.Headers.ContentLength);
        Assert.Equal("blue", head.Headers.GetValues("Color").Single());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Range_requests_return_206_with_the_slice_and_416_outside_the_file()
    {
        var content = Content.Bytes(100_000);
        (await PutAsync("r.bin", content)).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, "fs/NorthwindFS/files/r.bin");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content[1000..2000], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 1000-1999/100000", partial.Content.Headers.ContentRange!.ToString());

        using var suffix = new HttpRequestMessage(HttpMethod.Get, "fs/NorthwindFS/files/r.bin");
        suffix.Headers.Range = new RangeHeaderValue(null, 10);
        using var tail = await Http.SendAsync(suffix);
        Assert.Equal(content[^10..], await tail.Content.ReadAsByteArrayAsync());

        using var outside = new HttpRequestMessage(HttpMethod.Get, "fs/NorthwindFS/files/r.bin");
        outside.Headers.Range = new RangeHeaderValue(200_000, null);
        using var unsatisfiable = await Http.SendAsync(outside);
        await ProblemAssert.IsProblemAsync(unsatisfiable, HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task A_malformed_range_header_is_a_400()
    {
        (await PutAsync("m.bin", Content.Bytes(10))).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, "fs/NorthwindFS/files/m.bin");
        request.Headers.TryAddWithoutValidation("Range", "bytes=9-2");
        using var response = await Http.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_replaces_metadata_with_a_new_etag_and_keeps_content()
    {
        var content = Content.Bytes(500);
        using var put = await PutAsync("meta.bin", content, ("Old", "1"));
        using var post = new HttpRequestMessage(HttpMethod.Post, "fs/NorthwindFS/files/meta.bin");
        post.Headers.TryAddWithoutValidation("New", "2");
        using var posted = await Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);

        using var get = await Http.GetAsync("fs/NorthwindFS/files/meta.bin");
        Assert.Equal(content, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal("2", get.Headers.GetValues("New").Single());
        Assert.False(get.Headers.Contains("Old"));
        Assert.NotEqual(put.Headers.ETag!.Tag, get.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Patch_renames_and_the_old_name_is_gone()
    {
        var content = Content.Bytes(700);
        (await PutAsync("old/name.bin", content)).Dispose();
        using var patch = await Http.PatchAsync("fs/NorthwindFS/files/old/name.bin?rename=/new/name.bin", null);
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("fs/NorthwindFS/files/old/name.bin")).StatusCode);
        Assert.Equal(content, await Http.GetByteArrayAsync("fs/NorthwindFS/files/new/name.bin"));
    }

    [Fact]
    public async Task Patch_without_rename_or_onto_an_existing_file_is_refused_and_changes_nothing()
    {
        (await PutAsync("x.bin", Content.Bytes(5, 1))).Dispose();
        (await PutAsync("y.bin", Content.Bytes(5, 2))).Dispose();
        using var missing = await Http.PatchAsync("fs/NorthwindFS/files/x.bin", null);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest);
        using var onto = await Http.PatchAsync("fs/NorthwindFS/files/x.bin?rename=y.bin", null);
        await ProblemAssert.IsProblemAsync(onto, HttpStatusCode.Conflict);
        using var escaping = await Http.PatchAsync("fs/NorthwindFS/files/x.bin?rename=..%2F..%2Fetc", null);
        await ProblemAssert.IsProblemAsync(escaping, HttpStatusCode.BadRequest);
        Assert.Equal(Content.Bytes(5, 1), await Http.GetByteArrayAsync("fs/NorthwindFS/files/x.bin"));
        Assert.Equal(Content.Bytes(5, 2), await Http.GetByteArrayAsync("fs/NorthwindFS/files/y.bin"));
    }

    [Fact]
    public async Task Delete_answers_204_then_404()
    {
        (await PutAsync("d.bin", Content.Bytes(5))).Dispose();
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync("fs/NorthwindFS/files/d.bin")).StatusCode);
        using var again = await Http.DeleteAsync("fs/NorthwindFS/files/d.bin");
        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Equal("urn:filesync:file-not-found", problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("fs/NorthwindFS/files/d.bin")).StatusCode);
    }

    [Fact]
    public async Task Listing_pages_by_name_and_shows_ravenfs_file_headers()
    {
        for (var i = 0; i < 5; i++) (await PutAsync($"f{i}.bin", Content.Bytes(10 + i, i))).Dispose();
        var page = await Http.GetFromJsonAsync<JsonElement>("fs/NorthwindFS/files?start=1&pageSize=2");
        Assert.Equal(2, page.GetArrayLength());
        Assert.Equal("/f1.bin", page[0].GetProperty("FullPath").GetString());
        Assert.Equal("/f2.bin", page[1].GetProperty("FullPath").GetString());
        Assert.Equal(12, page[1].GetProperty("TotalSize").GetInt64());
        Assert.Equal(12, page[1].GetProperty("UploadedSize").GetInt64());
        Assert.StartsWith("00000000-0000-0001-", page[1].GetProperty("Etag").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, page[1].GetProperty("Metadata").ValueKind);
        Assert.True(page[1].TryGetProperty("CreationDate", out _));
        Assert.True(page[1].TryGetProperty("LastModified", out _));
    }

    [Theory]
    [InlineData("start=-1")]
    [InlineData("start=abc")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=100000")]
    public async Task Bad_paging_parameters_are_400s(string query)
    {
        using var response = await Http.GetAsync($"fs/NorthwindFS/files?{query}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_file_round_trips()
    {
        using var put = await PutAsync("empty.bin", []);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var get = await Http.GetAsync("fs/NorthwindFS/files/empty.bin");
        Assert.Equal(0, get.Content.Headers.ContentLength);
        Assert.Empty(await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Unknown_file_system_and_unknown_file_are_404_problems_with_distinct_types()
    {
        using var noFs = await Http.GetAsync("fs/NoSuchFS/files/a.bin");
        var fsProblem = await ProblemAssert.IsProblemAsync(noFs, HttpStatusCode.NotFound);
        Assert.Equal("urn:filesync:file-system-not-found", fsProblem.GetProperty("type").GetString());
        using var noFile = await Http.GetAsync("fs/NorthwindFS/files/nothing.bin");
        var fileProblem = await ProblemAssert.IsProblemAsync(noFile, HttpStatusCode.NotFound);
        Assert.Equal("urn:filesync:file-not-found", fileProblem.GetProperty("type").GetString());
        using var noRoute = await Http.GetAsync("nowhere/at/all");
        await ProblemAssert.IsProblemAsync(noRoute, HttpStatusCode.NotFound);
    }
}
