using System.Net;
using System.Net.Http.Headers;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Http;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() =>
        _node = await InProcessNode.StartAsync(o => o with { ApiKeys = ["secret-1", "secret-2"] });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_request_without_a_key_is_401_with_a_challenge()
    {
        using var response = await _node.Http.GetAsync("fs");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_key_is_403_and_changes_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "admin/fs/Sneaky");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", "guess");
        using var response = await _node.Http.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);

        using var list = new HttpRequestMessage(HttpMethod.Get, "fs");
        list.Headers.Add("X-Api-Key", "secret-1");
        using var listed = await _node.Http.SendAsync(list);
        Assert.Equal("[]", await listed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Either_header_form_with_a_configured_key_is_accepted()
    {
        using var viaAuthorization = new HttpRequestMessage(HttpMethod.Put, "admin/fs/A");
        viaAuthorization.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", "secret-2");
        Assert.Equal(HttpStatusCode.Created, (await _node.Http.SendAsync(viaAuthorization)).StatusCode);

        using var viaHeader = new HttpRequestMessage(HttpMethod.Put, "admin/fs/B");
        viaHeader.Headers.Add("X-Api-Key", "secret-1");
        Assert.Equal(HttpStatusCode.Created, (await _node.Http.SendAsync(viaHeader)).StatusCode);
    }

    [Fact]
    public async Task The_api_key_header_is_not_stored_as_metadata()
    {
        using var create = new HttpRequestMessage(HttpMethod.Put, "admin/fs/M");
        create.Headers.Add("X-Api-Key", "secret-1");
        (await _node.Http.SendAsync(create)).EnsureSuccessStatusCode();
        using var put = new HttpRequestMessage(HttpMethod.Put, "fs/M/files/a.txt") { Content = new ByteArrayContent([1]) };
        put.Headers.Add("X-Api-Key", "secret-1");
        (await _node.Http.SendAsync(put)).EnsureSuccessStatusCode();
        using var head = new HttpRequestMessage(HttpMethod.Head, "fs/M/files/a.txt");
        head.Headers.Add("X-Api-Key", "secret-1");
        using var answer = await _node.Http.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("X-Api-Key"));
    }
}
