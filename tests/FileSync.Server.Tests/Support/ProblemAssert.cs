using System.Net;
using System.Text.Json;

namespace FileSync.Server.Tests.Support;

/// <summary>Asserts an answer is an RFC 7807 problem with a status and a human sentence.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return IsProblem(body, (int)status);
    }

    public static JsonElement IsProblem(string body, int status)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement.Clone();
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        var detail = root.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail), "problem details must carry a sentence in 'detail'");
        Assert.EndsWith(".", detail!.TrimEnd());
        return root;
    }
}
