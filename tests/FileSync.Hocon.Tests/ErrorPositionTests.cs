namespace FileSync.Hocon.Tests;

/// <summary>Every error names file, line and column, formatted <c>file:line:col: reason</c>.</summary>
public sealed class ErrorPositionTests
{
    [Theory]
    [InlineData("a = {\n  b = 1\n", 1, 5, "never closed")]
    [InlineData("a = [1,\n2", 1, 5, "never closed")]
    [InlineData("a = 1\nb = \"open", 2, 5, "not closed")]
    [InlineData("a = 1\nb = x@y", 2, 6, "'@' is not allowed")]
    [InlineData("a = 1\nb = http://host:80", 2, 9, "':' is not allowed")]
    [InlineData("a = 1\nb =\n}", 3, 1, "expected a value")]
    [InlineData("a = 1\n  b 2", 2, 6, "expected ':' or '=' after the key '\"b 2\"'")]
    [InlineData("a = [1,,2]", 1, 8, "expected a list element")]
    [InlineData("a..b = 1", 1, 1, "empty element")]
    [InlineData("a = \"bad \\q escape\"", 1, 10, "not a valid escape")]
    [InlineData("a = 1 }", 1, 7, "no object is open")]
    [InlineData("[1, 2]", 1, 1, "must be an object")]
    public void Syntax_errors_point_at_the_offending_place(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<HoconException>(() => Hocon.ParseString(text, "syntax.conf"));

        Assert.Equal("syntax.conf", error.Origin);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"syntax.conf:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unresolved_substitution_is_reported_where_it_is_written()
    {
        var config = Hocon.ParseString("a = 1\nb {\n  c = ${nowhere.to.be.found}\n}", "subst.conf");

        var error = Assert.Throws<HoconException>(() => config.Resolve());

        Assert.Equal(("subst.conf", 3, 7), (error.Origin, error.Line, error.Column));
        Assert.Contains("${nowhere.to.be.found}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_substitutions_is_reported_with_its_members()
    {
        var config = Hocon.ParseString("a = ${b}\nb = ${c}\nc = ${a}", "cycle.conf");

        var error = Assert.Throws<HoconException>(() => config.Resolve());

        Assert.Equal("cycle.conf", error.Origin);
        Assert.InRange(error.Line, 1, 3);
        Assert.Contains("cycle", error.Reason, StringComparison.Ordinal);
        Assert.Contains("${b}", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = [${a}]")]
    [InlineData("a { b = ${a} }")]
    [InlineData("a = x ${b}\nb = { c = ${a} }")]
    public void A_value_that_contains_a_reference_to_itself_is_a_cycle_error_not_a_crash(string text)
    {
        var error = Assert.Throws<HoconException>(() => Hocon.ParseString(text, "loop.conf").Resolve());

        Assert.Contains("cycle", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_referring_to_itself_without_an_earlier_value_is_unresolved_not_a_hang()
    {
        var error = Assert.Throws<HoconException>(() => Hocon.ParseString("x { y = ${x.y} }", "self.conf").Resolve());

        Assert.Equal((1, 9), (error.Line, error.Column));
    }

    [Fact]
    public void Parsing_a_missing_file_names_the_file()
    {
        var error = Assert.Throws<HoconException>(() => Hocon.ParseFile("does/not/exist.conf"));

        Assert.Equal("does/not/exist.conf: file not found", error.Message);
    }
}
