using System.Net;
using System.Text.Json;
using FileSync.Acceptance.Support;

namespace FileSync.Acceptance.Sync;

/// <summary>Malformed synchronization requests get 400/404 with a sentence, never a 500 or a silent success.</summary>
[Collection(PairCollection.Name)]
public sealed class BadInputTests(PairFixture pair) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(pair.A.Url), Timeout = TimeSpan.FromSeconds(30) };

    private async Task AssertProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var detail = json.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail), $"no detail sentence in {body}");
    }

    private Task<HttpResponseMessage> PostAsync(string url, string body = "") => _http.PostAsync(url, new StringContent(body));

    [Fact]
    public async Task ToDestinations_without_forceSyncingAll_is_400() =>
        await AssertProblemAsync(HttpStatusCode.BadRequest, await PostAsync("fs/Manual/synchronization/ToDestinations"));

    [Fact]
    public async Task ToDestinations_with_a_non_boolean_forceSyncingAll_is_400() =>
        await AssertProblemAsync(HttpStatusCode.BadRequest, await PostAsync("fs/Manual/synchronization/ToDestinations?forceSyncingAll=maybe"));

    [Fact]
    public async Task Start_with_malformed_destination_json_is_400()
    {
        await pair.OnA("Manual").UploadAsync("/bad/file.bin", [1, 2, 3]);
        await AssertProblemAsync(HttpStatusCode.BadRequest, await PostAsync("fs/Manual/synchronization/start/bad/file.bin", "{'ServerUrl':"));
    }

    [Fact]
    public async Task ToDestination_naming_an_unconfigured_destination_is_404() =>
        await AssertProblemAsync(HttpStatusCode.NotFound,
            await PostAsync("fs/Manual/synchronization/ToDestination?destination=http%3A%2F%2F127.0.0.1%3A9&forceSyncingAll=false"));

    [Fact]
    public async Task Start_of_a_file_that_does_not_exist_is_404() =>
        await AssertProblemAsync(HttpStatusCode.NotFound, await PostAsync("fs/Manual/synchronization/start/bad/never-written.bin",
            $"{{\"ServerUrl\":\"{pair.B.Url}\",\"FileSystem\":\"Manual\"}}"));

    [Theory]
    [InlineData("..%5C..%5Cetc%5Cpasswd")]
    [InlineData("a/%2E%2E%5C%2E%2E%5Cb")]
    public async Task Start_with_a_traversal_name_is_400(string escapedName) =>
        await AssertProblemAsync(HttpStatusCode.BadRequest, await PostAsync($"fs/Manual/synchronization/start/{escapedName}", DestinationBody));

    [Fact]
    public async Task Start_with_a_name_over_1024_bytes_is_400() =>
        await AssertProblemAsync(HttpStatusCode.BadRequest,
            await PostAsync($"fs/Manual/synchronization/start/{new string('n', 1100)}", DestinationBody));

    // Kestrel itself refuses a NUL in the path, before the node sees the request: a bare 400 without a sentence.
    [Fact]
    public async Task Start_with_a_NUL_in_the_name_is_refused_with_400()
    {
        using var response = await PostAsync("fs/Manual/synchronization/start/bad/a%00b", DestinationBody);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private string DestinationBody => $"{{\"ServerUrl\":\"{pair.B.Url}\",\"FileSystem\":\"Manual\"}}";

    public void Dispose() => _http.Dispose();
}
