using System.Text.Json.Nodes;
using FileSync.Server.Http;

namespace FileSync.Server.Tests.Unit;

public sealed class LenientJsonTests
{
    [Fact]
    public void Single_quoted_names_and_strings_parse_like_json_net()
    {
        var node = LenientJson.Parse("{'ServerUrl':'http://localhost:8081','FileSystem':'SlaveNorthwindFS'}");
        Assert.Equal("http://localhost:8081", node["ServerUrl"]!.GetValue<string>());
        Assert.Equal("SlaveNorthwindFS", node["FileSystem"]!.GetValue<string>());
    }

    [Fact]
    public void Quotes_inside_single_quoted_strings_survive()
    {
        var node = LenientJson.Parse(@"{'a':'it\'s ""quoted""'}");
        Assert.Equal("it's \"quoted\"", node["a"]!.GetValue<string>());
    }

    [Fact]
    public void Unquoted_property_names_comments_and_trailing_commas_are_accepted()
    {
        var node = LenientJson.Parse("{ Enabled: true, // a comment\n Max: 5, }");
        Assert.True(node["Enabled"]!.GetValue<bool>());
        Assert.Equal(5, node["Max"]!.GetValue<int>());
    }

    [Fact]
    public void Single_quotes_inside_double_quoted_strings_are_left_alone()
    {
        var node = LenientJson.Parse("{\"a\":\"don't: x\"}");
        Assert.Equal("don't: x", node["a"]!.GetValue<string>());
    }

    [Fact]
    public void Literals_true_false_null_are_not_taken_for_names()
    {
        var node = (JsonArray)LenientJson.Parse("[true, false, null]");
        Assert.Equal(3, node.Count);
        Assert.Null(node[2]);
    }

    [Theory]
    [InlineData("{'a':")]
    [InlineData("{'a' 'b'}")]
    [InlineData("{\"unterminated")]
    [InlineData("not json at all")]
    public void Malformed_text_is_a_bad_request_with_a_position(string text)
    {
        var e = Assert.Throws<BadRequestException>(() => LenientJson.Parse(text));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }
}
