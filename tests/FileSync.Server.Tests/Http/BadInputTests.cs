using System.Net;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Http;

/// <summary>
/// Names that escape or are malformed, sent verbatim on the wire, are refused with a sentence, and
/// nothing is written: the listing is unchanged and no new file appears in the data directory.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private InProcessNode _node = null!;
    private IReadOnlyList<string> _filesBefore = [];

    public async Task InitializeAsync()
    {
        _node = await InProcessNode.StartAsync();
        await _node.CreateFileSystemAsync("NorthwindFS");
        await _node.CreateFileSystemAsync("OtherFS");
        using var seed = await _node.Http.PutAsync("fs/NorthwindFS/files/keep.bin", new ByteArrayContent([1, 2, 3]));
        seed.EnsureSuccessStatusCode();
        _filesBefore = _node.FilesOnDisk();
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    public static TheoryData<string> BadTargets => new()
    {
        "/fs/NorthwindFS/files/../x",
        "/fs/NorthwindFS/files/%2e%2e/x",
        "/fs/NorthwindFS/files/..%2Fx",
        "/fs/NorthwindFS/files/a/../../b",
        "/fs/NorthwindFS/files/a/..%2F..%2Fb",
        "/fs/NorthwindFS/files/../../../../tmp/evil",
        "/fs/NorthwindFS/files/a%5Cb",
        "/fs/NorthwindFS/files/..%5C..%5Cb",
        "/fs/NorthwindFS/files/a%00b",
        "/fs/NorthwindFS/files/a%01b",
        "/fs/NorthwindFS/files/a%0Db",
        "/fs/NorthwindFS/files/" + new string('n', 2000),
        "/fs/NorthwindFS/files/",
        "/fs/..%2FNorthwindFS/files/x",
        "/fs/NoSuchFS/files/x",
        "/fs/%2e%2e/files/x",
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task Put_with_a_bad_name_is_refused_and_writes_nothing(string target)
    {
        var answer = await RawHttp.SendAsync(_node.BaseUrl, "PUT", target, "payload that must not land anywhere");
        Assert.True(answer.Status is 400 or 404, $"{target}: expected 400 or 404, got {answer.Status}\n{answer.Head}\n{answer.Body}");
        if (answer.Body.Length > 0) ProblemAssert.IsProblem(answer.Body, answer.Status);
        await AssertNothingChangedAsync();
    }

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task Post_delete_and_rename_with_a_bad_name_are_refused_and_change_nothing(string target)
    {
        foreach (var method in new[] { "POST", "DELETE", "PATCH" })
        {
            var suffix = method == "PATCH" ? "?rename=/renamed.bin" : "";
            var answer = await RawHttp.SendAsync(_node.BaseUrl, method, target + suffix);
            Assert.True(answer.Status is 400 or 404, $"{method} {target}: expected 400 or 404, got {answer.Status}\n{answer.Body}");
        }
        await AssertNothingChangedAsync();
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("%2e%2e%2fx")]
    [InlineData("a%5Cb")]
    public async Task Rename_to_a_bad_name_is_refused_and_changes_nothing(string newName)
    {
        var answer = await RawHttp.SendAsync(_node.BaseUrl, "PATCH", $"/fs/NorthwindFS/files/keep.bin?rename={newName}");
        Assert.Equal(400, answer.Status);
        ProblemAssert.IsProblem(answer.Body, 400);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task A_file_of_one_file_system_is_not_reachable_through_another()
    {
        var answer = await RawHttp.SendAsync(_node.BaseUrl, "GET", "/fs/OtherFS/files/keep.bin");
        Assert.Equal(404, answer.Status);
        ProblemAssert.IsProblem(answer.Body, 404);
        var crossing = await RawHttp.SendAsync(_node.BaseUrl, "GET", "/fs/OtherFS/files/..%2F..%2FNorthwindFS%2Ffiles%2Fkeep.bin");
        Assert.Equal(400, crossing.Status);
    }

    [Fact]
    public async Task Creating_a_file_system_with_a_bad_name_is_refused()
    {
        foreach (var name in new[] { "..", "a%2Fb", "a%20b", new string('x', 200), "%00" })
        {
            var answer = await RawHttp.SendAsync(_node.BaseUrl, "PUT", $"/admin/fs/{name}");
            Assert.True(answer.Status is 400 or 404, $"{name}: got {answer.Status}");
        }
        var list = await _node.Http.GetStringAsync("fs");
        Assert.Equal("[\"NorthwindFS\",\"OtherFS\"]", list);
    }

    private async Task AssertNothingChangedAsync()
    {
        foreach (var fs in new[] { "NorthwindFS", "OtherFS" })
        {
            var listing = await _node.Http.GetStringAsync($"fs/{fs}/files");
            if (fs == "NorthwindFS")
            {
                Assert.Contains("\"/keep.bin\"", listing, StringComparison.Ordinal);
                Assert.Equal(1, listing.Split("\"FullPath\"").Length - 1);
            }
            else
            {
                Assert.Equal("[]", listing);
            }
        }
        Assert.Equal(new byte[] { 1, 2, 3 }, await _node.Http.GetByteArrayAsync("fs/NorthwindFS/files/keep.bin"));
        var after = _node.FilesOnDisk();
        // The store may touch its own files (WAL, journal); a bad request must never add new ones.
        var added = after.Except(_filesBefore).Where(f => !IsStoreOwned(f)).ToList();
        Assert.True(added.Count == 0, $"a refused request created files: {string.Join(", ", added)}");
        Assert.DoesNotContain(after, f => f.Contains("evil", StringComparison.Ordinal) || f.EndsWith("x", StringComparison.Ordinal));
        Assert.False(File.Exists("/tmp/evil"));
    }

    private static bool IsStoreOwned(string relativePath) =>
        relativePath.StartsWith("filesync.db", StringComparison.Ordinal);
}
