namespace FileSync.Hocon.Tests;

public sealed class ParsingTests
{
    private static Config Parse(string text) => Hocon.ParseString(text, "test.conf");

    [Fact]
    public void Hash_and_double_slash_comments_are_ignored_but_slashes_inside_quotes_are_kept()
    {
        var config = Parse("""
            # a comment
            a = 1 // trailing comment
            b = "http://x/y" # another
            """);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("http://x/y", config.GetString("b"));
        Assert.Equal(["a", "b"], config.Keys);
    }

    [Fact]
    public void Unquoted_words_become_strings_and_keep_inner_whitespace_in_a_concatenation()
    {
        var config = Parse("a = hello   big world  \nb = foo.bar-baz/qux");

        Assert.Equal("hello   big world", config.GetString("a"));
        Assert.Equal("foo.bar-baz/qux", config.GetString("b"));
    }

    [Fact]
    public void Unquoted_values_that_look_like_json_keep_their_json_types()
    {
        var root = Parse("n = 42, d = 1.0, neg = -3, e = 1e5, t = true, z = null, ip = 10.0.0.1, octal = 007").Root;

        Assert.Equal(HoconScalarKind.Number, ((HoconScalar)root.Fields["n"]).Kind);
        Assert.Equal("1.0", ((HoconScalar)root.Fields["d"]).Text);
        Assert.Equal(HoconScalarKind.Number, ((HoconScalar)root.Fields["neg"]).Kind);
        Assert.Equal(HoconScalarKind.Number, ((HoconScalar)root.Fields["e"]).Kind);
        Assert.Equal(HoconScalarKind.Boolean, ((HoconScalar)root.Fields["t"]).Kind);
        Assert.Equal(HoconScalarKind.Null, ((HoconScalar)root.Fields["z"]).Kind);
        Assert.Equal(HoconScalarKind.String, ((HoconScalar)root.Fields["ip"]).Kind);
        Assert.Equal(HoconScalarKind.String, ((HoconScalar)root.Fields["octal"]).Kind);
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_and_keep_backslashes()
    {
        var config = Parse("a = \"\"\"line1\n  line2 \\n\"\"\"\nb = \"\"\"say \"hi\"\"\"\"");

        Assert.Equal("line1\n  line2 \\n", config.GetString("a"));
        Assert.Equal("say \"hi\"", config.GetString("b"));
    }

    [Fact]
    public void Quoted_strings_decode_json_escapes()
    {
        Assert.Equal("tab\there \"q\" \u00e9 /", Parse("a = \"tab\\there \\\"q\\\" \\u00e9 \\/\"").GetString("a"));
    }

    [Fact]
    public void Dotted_keys_build_nested_objects_and_quoted_keys_keep_their_dots()
    {
        var config = Parse("a.b.c = 1\n\"x.y\".z = 2");

        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.Equal(2, config.GetInt("\"x.y\".z"));
        Assert.False(config.HasPath("x.y.z"));
    }

    [Fact]
    public void Duplicate_objects_merge_and_a_non_object_in_between_hides_what_came_before()
    {
        var config = Parse("""
            a { x = 1, y = 1 }
            a { y = 2 }
            b { x = 1 }
            b = 5
            b { y = 2 }
            """);

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.False(config.HasPath("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Arrays_accept_newlines_instead_of_commas_and_one_trailing_comma()
    {
        var config = Parse("a = [\n 1\n 2,\n 3,\n]");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
    }

    [Fact]
    public void A_comma_may_start_the_next_line_after_a_value()
    {
        var config = Parse("a = [1\n, 2]\nb = 1\n, c = 2");

        Assert.Equal(["1", "2"], config.GetStringList("a"));
        Assert.Equal(2, config.GetInt("c"));
    }

    [Fact]
    public void Arrays_and_objects_written_side_by_side_concatenate()
    {
        var config = Parse("a = [1, 2] [3]\nb = { x = 1 } { y = 2 }");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(1, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void A_key_named_include_is_a_key_when_no_file_name_follows()
    {
        var config = Parse("include = 5\ninclude.deeper = 6");

        Assert.Equal(6, config.GetInt("include.deeper"));
    }

    [Fact]
    public void Root_braces_are_optional_and_separators_can_be_omitted_before_objects()
    {
        Assert.Equal(3, Parse("{ a { b = 3 } }").GetInt("a.b"));
        Assert.Equal(3, Parse("a { b : 3 }").GetInt("a.b"));
    }

    [Fact]
    public void Plain_json_parses_to_the_same_values()
    {
        var config = Parse("""{"a": {"b": [1, "two", true, null]}, "c": 0.5}""");

        Assert.Equal("""{"a":{"b":[1,"two",true,null]},"c":0.5}""", config.ToJson(indented: false));
    }

    [Fact]
    public void Substitution_syntax_inside_quotes_stays_literal_text()
    {
        Assert.Equal("${not.a.substitution}", Parse("a = \"${not.a.substitution}\"").GetString("a"));
    }
}
