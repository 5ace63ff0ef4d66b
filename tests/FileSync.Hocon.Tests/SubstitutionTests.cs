namespace FileSync.Hocon.Tests;

public sealed class SubstitutionTests
{
    private static Config Resolve(string text) => Hocon.ParseString(text, "test.conf").Resolve();

    [Fact]
    public void Forward_references_resolve_to_values_defined_later()
    {
        var config = Resolve("a = ${b.c}\nb.c = 42");

        Assert.Equal(42, config.GetInt("a"));
    }

    [Fact]
    public void A_substitution_alone_keeps_the_type_of_what_it_refers_to()
    {
        var config = Resolve("list = [1, 2]\nobj { x = 1 }\ncopy = ${list}\ncopyObj = ${obj}");

        Assert.Equal(["1", "2"], config.GetStringList("copy"));
        Assert.Equal(1, config.GetInt("copyObj.x"));
    }

    [Fact]
    public void Substitutions_join_strings_with_the_whitespace_written_between_them()
    {
        var config = Resolve("host = example.org\nport = 80\nurl = \"http://\"${host}\":\"${port}\nwords = ${host} and ${port}");

        Assert.Equal("http://example.org:80", config.GetString("url"));
        Assert.Equal("example.org and 80", config.GetString("words"));
    }

    [Fact]
    public void Self_reference_appends_to_the_previous_value_of_the_same_key()
    {
        var config = Resolve("path = [a]\npath = ${path} [b]\npath = ${path} [c]");

        Assert.Equal(["a", "b", "c"], config.GetStringList("path"));
    }

    [Fact]
    public void Plus_equals_appends_and_starts_a_list_when_the_key_is_new()
    {
        var config = Resolve("fresh += 1\nlist = [x]\nlist += y\nnested { items += 1, items += 2 }");

        Assert.Equal(["1"], config.GetStringList("fresh"));
        Assert.Equal(["x", "y"], config.GetStringList("list"));
        Assert.Equal(["1", "2"], config.GetStringList("nested.items"));
    }

    [Fact]
    public void Self_reference_to_an_object_merges_the_new_fields_over_the_old_ones()
    {
        var config = Resolve("a { x = 1, y = 1 }\na = ${a} { y = 2 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Self_reference_to_a_sub_key_sees_the_earlier_value_and_later_objects_still_merge()
    {
        var config = Resolve("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal(1, config.GetInt("foo.c"));
        Assert.Equal(2, config.GetInt("foo.a"));
    }

    [Fact]
    public void A_substitution_sees_the_final_merged_value_of_its_target()
    {
        var config = Resolve("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }");

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Optional_substitution_that_finds_nothing_leaves_the_earlier_value_or_no_key()
    {
        var config = Resolve("a = 1\na = ${?NOT_SET_ANYWHERE_4711}\nb = ${?NOT_SET_ANYWHERE_4711}\nc = [${?NOT_SET_ANYWHERE_4711}]");

        Assert.Equal(1, config.GetInt("a"));
        Assert.False(config.HasPath("b"));
        Assert.Empty(config.GetStringList("c"));
    }

    [Fact]
    public void Substitution_into_an_object_then_merging_more_fields_works_like_extending_defaults()
    {
        var config = Resolve("defaults { timeout = 5s, retries = 3 }\nserver = ${defaults} { retries = 5 }");

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("server.timeout"));
        Assert.Equal(5, config.GetInt("server.retries"));
    }

    [Fact]
    public void Substitutions_in_the_file_see_keys_of_the_fallback()
    {
        var defaults = Hocon.ParseString("base { url = \"http://a\" }", "defaults.conf");
        var file = Hocon.ParseString("copy = ${base.url}", "file.conf");

        Assert.Equal("http://a", file.WithFallback(defaults).GetString("copy"));
    }

    [Fact]
    public void Fallback_keys_can_refer_to_values_the_file_overrides()
    {
        var defaults = Hocon.ParseString("name = default\ngreeting = hello ${name}", "defaults.conf");
        var file = Hocon.ParseString("name = file", "file.conf");

        Assert.Equal("hello file", file.WithFallback(defaults).GetString("greeting"));
    }

    [Fact]
    public void Concatenating_a_list_with_a_string_is_an_error_naming_the_place()
    {
        var error = Assert.Throws<HoconException>(() => Resolve("a = [1]\nb = ${a} text"));

        Assert.Equal(2, error.Line);
        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
    }
}
