using System.Net;
using System.Text;
using System.Text.Json;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Http;

public sealed class ConfigRoutesTests : IAsyncLifetime
{
    private const string Destinations = "fs/NorthwindFS/config?name=Raven/Synchronization/Destinations";
    private const string SyncConfig = "fs/NorthwindFS/config?name=Raven/Synchronization/Config";
    private InProcessNode _node = null!;

    public async Task InitializeAsync()
    {
        _node = await InProcessNode.StartAsync();
        await _node.CreateFileSystemAsync("NorthwindFS");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Task<HttpResponseMessage> PutTextAsync(string url, string body, string contentType = "application/json") =>
        _node.Http.PutAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    [Fact]
    public async Task Destinations_sent_with_single_quotes_are_stored_and_read_back_in_canonical_shape()
    {
        using var put = await PutTextAsync(Destinations,
            "{'Destinations':[{'ServerUrl':'http://localhost:8081','FileSystem':'SlaveNorthwindFS'}]}",
            "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var doc = await _node.Http.GetFromJsonAsync<JsonElement>(Destinations);
        var d = doc.GetProperty("Destinations")[0];
        Assert.Equal("http://localhost:8081", d.GetProperty("ServerUrl").GetString());
        Assert.Equal("SlaveNorthwindFS", d.GetProperty("FileSystem").GetString());
        Assert.True(d.GetProperty("Enabled").GetBoolean());
    }

    [Fact]
    public async Task Sync_config_round_trips_and_a_missing_document_is_a_config_not_found_404()
    {
        using var missing = await _node.Http.GetAsync(SyncConfig);
        var problem = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal("urn:filesync:config-not-found", problem.GetProperty("type").GetString());

        using var put = await PutTextAsync(SyncConfig, "{\"FileConflictResolution\":\"ResolveToRemote\",\"MaxNumberOfSynchronizationsPerDestination\":2}");
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var doc = await _node.Http.GetFromJsonAsync<JsonElement>(SyncConfig);
        Assert.Equal("ResolveToRemote", doc.GetProperty("FileConflictResolution").GetString());
        Assert.Equal(2, doc.GetProperty("MaxNumberOfSynchronizationsPerDestination").GetInt32());
        Assert.Equal(600000, doc.GetProperty("SynchronizationLockTimeoutMiliseconds").GetInt64());
    }

    [Fact]
    public async Task Delete_removes_a_document_then_answers_404()
    {
        (await PutTextAsync(Destinations, "{'Destinations':[]}")).Dispose();
        Assert.Equal(HttpStatusCode.NoContent, (await _node.Http.DeleteAsync(Destinations)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _node.Http.DeleteAsync(Destinations)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _node.Http.GetAsync(Destinations)).StatusCode);
    }

    [Fact]
    public async Task Other_names_store_any_json_document()
    {
        using var put = await PutTextAsync("fs/NorthwindFS/config?name=My/Settings", "{'a':[1,2,{'b':null}]}");
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("{\"a\":[1,2,{\"b\":null}]}", await _node.Http.GetStringAsync("fs/NorthwindFS/config?name=My/Settings"));
    }

    [Theory]
    [InlineData(Destinations, "")]
    [InlineData(Destinations, "   ")]
    [InlineData(Destinations, "{'Destinations':[{'FileSystem':'X'}]}")]
    [InlineData(Destinations, "{'Destinations':")]
    [InlineData(SyncConfig, "{'FileConflictResolution':'Never'}")]
    [InlineData(SyncConfig, "[1,2]")]
    [InlineData("fs/NorthwindFS/config", "{}")]
    [InlineData("fs/NorthwindFS/config?name=", "{}")]
    public async Task Bad_bodies_and_missing_names_are_400s_and_store_nothing(string url, string body)
    {
        using var response = await PutTextAsync(url, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await _node.Http.GetAsync(Destinations)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _node.Http.GetAsync(SyncConfig)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var huge = "{'a':'" + new string('x', 2 * 1024 * 1024) + "'}";
        using var response = await PutTextAsync("fs/NorthwindFS/config?name=Big", huge);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Config_of_an_unknown_file_system_is_a_404()
    {
        using var response = await PutTextAsync("fs/NoSuchFS/config?name=Raven/Synchronization/Config", "{}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("[\"NorthwindFS\"]", await _node.Http.GetStringAsync("fs"));
    }
}
