using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FileSync.Server.Hosting;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Storage;

/// <summary><c>/storage/synchronizers</c> against real in-process nodes over HTTP: shapes, envelopes, errors.</summary>
public sealed class StorageSynchronizerRoutesTests : IAsyncLifetime
{
    private const string Local = "NorthwindFS";
    private const string Remote = "SlaveNorthwindFS";
    private InProcessNode _b = null!;
    private InProcessNode _a = null!;

    public async Task InitializeAsync()
    {
        _b = await StorageNodes.StartAsync();
        await _b.CreateFileSystemAsync(Remote);
        _a = await StorageNodes.StartAsync(new StorageLinkOptions(Local, _b.BaseUrl, Remote, null));
        await _a.CreateFileSystemAsync(Local);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task Post_answers_the_exact_PLM_envelope_and_the_synchronizer_completes_with_files_both_ways()
    {
        await StorageNodes.PutAsync(_a, Local, "/only-a.txt", "from A");
        await StorageNodes.PutAsync(_b, Remote, "/only-b.txt", "from B");

        using var post = await _a.Http.PostAsync("storage/synchronizers", null);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("application/json", post.Content.Headers.ContentType?.MediaType);
        var text = await post.Content.ReadAsStringAsync();
        Assert.Contains("+", text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["status", "synchronizer"], Names(body));
        Assert.Equal(0, body.GetProperty("status").GetInt32());
        var synchronizer = body.GetProperty("synchronizer");
        Assert.Equal(["id", "state", "push", "pull"], Names(synchronizer));
        var id = synchronizer.GetProperty("id").GetString()!;
        var push = synchronizer.GetProperty("push");
        var pull = synchronizer.GetProperty("pull");
        Assert.Equal(["id", "state"], Names(push));
        Assert.Equal("triggered", synchronizer.GetProperty("state").GetString());
        Assert.Equal($"{push.GetProperty("id").GetString()}+{pull.GetProperty("id").GetString()![1..]}", id);
        Assert.Matches("^\\$[0-9a-f-]{36}\\+[0-9a-f-]{36}$", id);

        var done = await StorageNodes.UntilFinishedAsync(_a, id);

        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal("completed", done.GetProperty("push").GetProperty("state").GetString());
        Assert.Equal("completed", done.GetProperty("pull").GetProperty("state").GetString());
        Assert.Equal("from A", await StorageNodes.ReadAsync(_b, Remote, "/only-a.txt"));
        Assert.Equal("from B", await StorageNodes.ReadAsync(_a, Local, "/only-b.txt"));
    }

    [Fact]
    public async Task Post_with_a_trailing_slash_works_and_the_list_is_newest_first()
    {
        using var first = await _a.Http.PostAsync("storage/synchronizers/", new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var id = (await JsonOf(first)).GetProperty("synchronizer").GetProperty("id").GetString()!;
        await StorageNodes.UntilFinishedAsync(_a, id);

        var list = await _a.Http.GetFromJsonAsync<JsonElement>("storage/synchronizers");

        Assert.Equal(["status", "synchronizers"], Names(list));
        Assert.Equal(id, list.GetProperty("synchronizers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_second_post_while_one_runs_answers_the_running_one()
    {
        // Enough files that the first is still running when the second POST arrives.
        for (var i = 0; i < 30; i++) await StorageNodes.PutAsync(_a, Local, $"/bulk/{i}.txt", new string('x', 70_000 + i));

        using var first = await _a.Http.PostAsync("storage/synchronizers", null);
        using var second = await _a.Http.PostAsync("storage/synchronizers", null);

        var firstId = (await JsonOf(first)).GetProperty("synchronizer").GetProperty("id").GetString();
        var secondBody = await JsonOf(second);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstId, secondBody.GetProperty("synchronizer").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_a_404_envelope()
    {
        foreach (var id in new[] { "$ee8370c0-be09-445c-b7f4-4cba853150ed+7980b24b-9735-4ef8-a3d1-ecc3f176f8dc", "nope" })
        {
            using var response = await _a.Http.GetAsync($"storage/synchronizers/{Uri.EscapeDataString(id)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await JsonOf(response);
            Assert.Equal(["status", "error_code", "error_message"], Names(body));
            Assert.Equal(1, body.GetProperty("status").GetInt32());
            Assert.Equal("synchronizer_not_found", body.GetProperty("error_code").GetString());
            Assert.Contains(id, body.GetProperty("error_message").GetString());
        }
    }

    [Fact]
    public async Task Other_methods_are_a_405_envelope()
    {
        using var response = await _a.Http.DeleteAsync("storage/synchronizers");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("method_not_allowed", body.GetProperty("error_code").GetString());
        Assert.Contains("DELETE", body.GetProperty("error_message").GetString());
    }

    [Fact]
    public async Task A_remote_that_is_down_makes_the_synchronizer_an_error_with_a_reason()
    {
        await using var lonely = await StorageNodes.StartAsync(new StorageLinkOptions(Local, "http://127.0.0.1:9", Remote, null));
        await lonely.CreateFileSystemAsync(Local);
        await StorageNodes.PutAsync(lonely, Local, "/a.txt", "a");

        using var post = await lonely.Http.PostAsync("storage/synchronizers", null);
        var id = (await JsonOf(post)).GetProperty("synchronizer").GetProperty("id").GetString()!;
        var done = await StorageNodes.UntilFinishedAsync(lonely, id);

        Assert.Equal("error", done.GetProperty("state").GetString());
        Assert.Equal("error", done.GetProperty("push").GetProperty("state").GetString());
        Assert.Contains("127.0.0.1:9", done.GetProperty("push").GetProperty("error_message").GetString());
        Assert.Equal("error", done.GetProperty("pull").GetProperty("state").GetString());
        Assert.False(string.IsNullOrWhiteSpace(done.GetProperty("pull").GetProperty("error_message").GetString()));
    }
}
