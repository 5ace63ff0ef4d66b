using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.StatusPage;

/// <summary>The page at <c>/</c> and its files: types, no-cache, self-contained (no external asset), served without a key.</summary>
public sealed partial class StatusPageAssetTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [GeneratedRegex("""(?:src|href)="([^"]+)"(?:\s|>)""")]
    private static partial Regex ReferencedFile();

    [GeneratedRegex("""from '\./([a-z]+\.js)'""")]
    private static partial Regex ImportedModule();

    [GeneratedRegex("""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [Fact]
    public async Task The_root_serves_the_page_as_html_that_is_never_cached()
    {
        using var response = await _node.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, "the page must be revalidated on every load");
        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>FileSync node status</title>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_file_the_page_references_is_served_with_its_content_type()
    {
        var html = await _node.Http.GetStringAsync("/");
        var referenced = ReferencedFile().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/status/assets/app.js", referenced);
        Assert.Contains("/status/assets/status.css", referenced);

        var app = await _node.Http.GetStringAsync("/status/assets/app.js");
        var modules = ImportedModule().Matches(app).Select(m => "/status/assets/" + m.Groups[1].Value).ToList();
        Assert.Equal(["/status/assets/api.js", "/status/assets/live.js", "/status/assets/render.js"], modules.Order(StringComparer.Ordinal));

        foreach (var path in referenced.Concat(modules))
        {
            using var response = await _node.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var expected = path.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css";
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoCache, $"{path} must not be cached");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task No_file_of_the_page_loads_anything_from_another_host()
    {
        foreach (var name in FileSync.Server.StatusPage.StatusPageAssets.Instance.Names)
        {
            var text = await _node.Http.GetStringAsync("/status/assets/" + name);
            var external = ExternalUrl().Matches(text).Select(m => m.Value).ToList();
            Assert.True(external.Count == 0, $"{name} refers to {string.Join(", ", external)}; the page must work offline");
        }
    }

    [Theory]
    [InlineData("/status/assets/missing.js")]
    [InlineData("/status/assets/sub/app.js")]
    [InlineData("/status/assets/..%2Fstatus.css")]
    public async Task A_path_that_is_not_one_of_the_page_files_is_the_usual_404(string path)
    {
        using var response = await _node.Http.GetAsync(path);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Head_answers_the_headers_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/status/assets/status.css");
        using var response = await _node.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task With_api_keys_the_page_loads_without_a_key_but_its_data_needs_one()
    {
        await using var node = await InProcessNode.StartAsync(o => o with { ApiKeys = ["page-key"] });

        using var page = await node.Http.GetAsync("/");
        using var script = await node.Http.GetAsync("/status/assets/api.js");
        using var anonymous = await node.Http.GetAsync("/status/summary");
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/status/summary");
        withKey.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", "page-key");
        using var authorized = await node.Http.SendAsync(withKey);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }
}
