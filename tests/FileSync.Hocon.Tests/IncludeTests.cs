namespace FileSync.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Include_is_relative_to_the_including_file_not_the_current_directory()
    {
        _folder.Write("conf/parts/db.conf", "db.port = 5432");
        _folder.Write("conf/parts/nested.conf", "include \"db.conf\"\nnested = yes");
        var main = _folder.Write("conf/main.conf", "include \"parts/nested.conf\"\nname = main");

        var config = Hocon.ParseFile(main);

        Assert.Equal(5432, config.GetInt("db.port"));
        Assert.True(config.GetBoolean("nested"));
        Assert.Equal("main", config.GetString("name"));
    }

    [Fact]
    public void Include_inside_an_object_puts_the_keys_there_and_relative_substitutions_follow()
    {
        _folder.Write("part.conf", "port = 80\nurl = \"http://h:\"${port}");
        var main = _folder.Write("main.conf", "server { include \"part.conf\" }");

        var config = Hocon.ParseFile(main);

        Assert.Equal(80, config.GetInt("server.port"));
        Assert.Equal("http://h:80", config.GetString("server.url"));
        Assert.False(config.HasPath("port"));
    }

    [Fact]
    public void Keys_after_an_include_override_the_included_ones_and_objects_merge()
    {
        _folder.Write("base.conf", "a { x = 1, y = 1 }");
        var main = _folder.Write("main.conf", "include \"base.conf\"\na.y = 2");

        var config = Hocon.ParseFile(main);

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void A_missing_include_is_skipped_but_a_required_one_is_an_error_at_the_include_line()
    {
        var lenient = _folder.Write("lenient.conf", "include \"nope.conf\"\na = 1");
        var strict = _folder.Write("strict.conf", "a = 1\ninclude required(\"nope.conf\")");

        Assert.Equal(1, Hocon.ParseFile(lenient).GetInt("a"));
        var error = Assert.Throws<HoconException>(() => Hocon.ParseFile(strict));
        Assert.Equal(strict, error.Origin);
        Assert.Equal(2, error.Line);
        Assert.Contains("nope.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_syntax_and_names_without_extension_are_supported()
    {
        _folder.Write("x.conf", "fromConf = 1");
        _folder.Write("x.json", "{ \"fromJson\": 2, \"fromConf\": 0 }");
        _folder.Write("x.properties", "fromProperties=3");
        _folder.Write("y.conf", "y = 4");
        var main = _folder.Write("main.conf", "include \"x\"\ninclude file(\"y.conf\")");

        var config = Hocon.ParseFile(main);

        Assert.Equal(1, config.GetInt("fromConf"));
        Assert.Equal(2, config.GetInt("fromJson"));
        Assert.Equal("3", config.GetString("fromProperties"));
        Assert.Equal(4, config.GetInt("y"));
    }

    [Fact]
    public void A_file_including_itself_through_another_is_reported_as_a_cycle()
    {
        _folder.Write("a.conf", "include \"b.conf\"");
        _folder.Write("b.conf", "include \"a.conf\"");

        var error = Assert.Throws<HoconException>(() => Hocon.ParseFile(Path.Combine(_folder.Path, "a.conf")));

        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("b.conf", error.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_inside_an_included_file_name_that_file_and_its_line()
    {
        _folder.Write("sub/bad.conf", "ok = 1\nbroken = [1, 2");
        var main = _folder.Write("main.conf", "include \"sub/bad.conf\"");

        var error = Assert.Throws<HoconException>(() => Hocon.ParseFile(main));

        Assert.EndsWith(Path.Combine("sub", "bad.conf"), error.Origin, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
    }
}
