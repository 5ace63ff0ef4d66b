using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Storage;

/// <summary>
/// Failures decided before a <c>/storage</c> endpoint runs (API key check, no such route) still answer the PLM
/// envelope <c>{"status":1,"error_code","error_message"}</c>: a PLM client never meets a problem document there.
/// </summary>
public sealed class StorageErrorEnvelopeTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() =>
        _node = await InProcessNode.StartAsync(o => o with { ApiKeys = ["secret-1"] });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_storage_request_without_a_key_is_a_401_unauthorized_envelope_with_the_challenge()
    {
        using var response = await _node.Http.PostAsync("storage/synchronizers", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
        await AssertEnvelopeAsync(response, "unauthorized", "API key");
    }

    [Fact]
    public async Task A_storage_request_with_a_wrong_key_is_a_403_forbidden_envelope()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "storage/synchronizers/$a+b");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", "guess");
        using var response = await _node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertEnvelopeAsync(response, "forbidden", "not one this node accepts");
    }

    [Fact]
    public async Task An_unknown_storage_route_is_a_404_route_not_found_envelope()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "storage/nothing-here");
        request.Headers.Add("X-Api-Key", "secret-1");
        using var response = await _node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertEnvelopeAsync(response, "route_not_found", "/storage/nothing-here");
    }

    [Fact]
    public async Task Routes_outside_storage_keep_problem_documents()
    {
        using var unauthorized = await _node.Http.GetAsync("fs");
        await ProblemAssert.IsProblemAsync(unauthorized, HttpStatusCode.Unauthorized);

        using var request = new HttpRequestMessage(HttpMethod.Get, "nothing-here");
        request.Headers.Add("X-Api-Key", "secret-1");
        using var missing = await _node.Http.SendAsync(request);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
    }

    private static async Task AssertEnvelopeAsync(HttpResponseMessage response, string code, string messagePart)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["status", "error_code", "error_message"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("error_code").GetString());
        Assert.Contains(messagePart, body.GetProperty("error_message").GetString(), StringComparison.Ordinal);
    }
}
