using FileSync.Server.Http;

namespace FileSync.Server.Tests.Unit;

public sealed class RouteNamesTests
{
    [Theory]
    [InlineData("books/a.pdf", "/books/a.pdf")]
    [InlineData("/books//a.pdf", "/books/a.pdf")]
    [InlineData("books%2Fa.pdf", "/books/a.pdf")]
    public void File_names_are_normalized(string raw, string expected) => Assert.Equal(expected, RouteNames.File(raw));

    [Theory]
    [InlineData("../x")]
    [InlineData("..%2Fx")]
    [InlineData("a/..%2f..%2fb")]
    [InlineData("a\\b")]
    [InlineData("a\0b")]
    [InlineData("a\u0001b")]
    [InlineData("")]
    public void Escaping_or_malformed_file_names_are_bad_requests(string raw)
    {
        var e = Assert.Throws<BadRequestException>(() => RouteNames.File(raw));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void A_name_over_1024_bytes_is_a_bad_request() =>
        Assert.Throws<BadRequestException>(() => RouteNames.File(new string('a', 2000)));

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("white space")]
    public void Bad_file_system_names_are_bad_requests(string raw) =>
        Assert.Throws<BadRequestException>(() => RouteNames.FileSystem(raw));
}
