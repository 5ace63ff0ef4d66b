namespace FileSync.Hocon.Tests;

public sealed class TypedReadTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("5s", 5_000)]
    [InlineData("5 seconds", 5_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250", 250)]
    [InlineData("2000us", 2)]
    [InlineData("3000000ns", 3)]
    public void Durations_read_with_their_unit_and_bare_numbers_are_milliseconds(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), HoconValues.ParseDuration(text));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Hocon.ParseString($"d = {text}").GetDuration("d"));
    }

    [Theory]
    [InlineData("64k", 65_536)]
    [InlineData("64K", 65_536)]
    [InlineData("64KiB", 65_536)]
    [InlineData("64kB", 64_000)]
    [InlineData("10MB", 10_000_000)]
    [InlineData("10M", 10_485_760)]
    [InlineData("10MiB", 10_485_760)]
    [InlineData("1GB", 1_000_000_000)]
    [InlineData("2GiB", 2_147_483_648)]
    [InlineData("1TiB", 1_099_511_627_776)]
    [InlineData("512", 512)]
    [InlineData("512B", 512)]
    [InlineData("0.5K", 512)]
    [InlineData("3 bytes", 3)]
    public void Byte_sizes_use_powers_of_ten_for_kB_MB_and_powers_of_two_otherwise(string text, long bytes)
    {
        Assert.Equal(bytes, HoconValues.ParseByteSize(text));
        Assert.Equal(bytes, Hocon.ParseString($"s = {text}").GetByteSize("s"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("false", false)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    [InlineData("\"On\"", true)]
    public void Booleans_accept_on_off_and_yes_no(string text, bool expected)
    {
        Assert.Equal(expected, Hocon.ParseString($"b = {text}").GetBoolean("b"));
    }

    [Theory]
    [InlineData("5 parsecs", "unknown unit 'parsecs'")]
    [InlineData("soon", "must start with a number")]
    public void A_bad_duration_names_the_key_and_the_line_it_is_on(string text, string reason)
    {
        var config = Hocon.ParseString($"a = 1\nd = {text}", "bad.conf");

        var error = Assert.Throws<HoconException>(() => config.GetDuration("d"));

        Assert.StartsWith("bad.conf:2:5: 'd':", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10 parsecs")]
    [InlineData("1.3B")]
    [InlineData("-1k")]
    public void Bad_byte_sizes_are_rejected_with_a_sentence(string text)
    {
        var error = Assert.Throws<FormatException>(() => HoconValues.ParseByteSize(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_read_as_int_long_double_and_numeric_strings_convert()
    {
        var config = Hocon.ParseString("i = 42, l = 9000000000, d = 0.25, s = \"17\"");

        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(9_000_000_000L, config.GetLong("l"));
        Assert.Equal(0.25, config.GetDouble("d"));
        Assert.Equal(17, config.GetInt("s"));
        Assert.Equal("string:1:13: 'l': '9000000000' is not a 32-bit whole number", Assert.Throws<HoconException>(() => config.GetInt("l")).Message);
        Assert.Equal("string:1:29: 'd': '0.25' is not a 32-bit whole number", Assert.Throws<HoconException>(() => config.GetInt("d")).Message);
    }

    [Fact]
    public void Defaults_apply_only_to_missing_or_null_keys()
    {
        var config = Hocon.ParseString("present = 3, nothing = null");

        Assert.Equal(3, config.GetInt("present", 7));
        Assert.Equal(7, config.GetInt("absent", 7));
        Assert.Equal("x", config.GetString("nothing", "x"));
        Assert.False(config.HasPath("nothing"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetDuration("absent", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_missing_key_without_default_is_an_error_naming_the_path()
    {
        var error = Assert.Throws<HoconException>(() => Hocon.ParseString("a = 1", "x.conf").GetString("a.b.c"));

        Assert.Contains("'a.b.c'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_of_strings_and_of_objects_read_as_lists()
    {
        var config = Hocon.ParseString("keys = [a, \"b\", 3]\nitems = [{ name = x }, { name = y, n = 2 }]");

        Assert.Equal(["a", "b", "3"], config.GetStringList("keys"));
        var items = config.GetConfigList("items");
        Assert.Equal(["x", "y"], items.Select(i => i.GetString("name")));
        Assert.Equal(2, items[1].GetInt("n"));
    }

    [Fact]
    public void Asking_for_the_wrong_shape_says_what_the_value_is()
    {
        var config = Hocon.ParseString("obj { a = 1 }\nlist = [{ a = 1 }, 2]", "shape.conf");

        Assert.Contains("is an object, not a string", Assert.Throws<HoconException>(() => config.GetString("obj")).Message, StringComparison.Ordinal);
        Assert.Contains("'list[1]' is a number, not an object", Assert.Throws<HoconException>(() => config.GetConfigList("list")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_a_sub_config_name_the_full_path_and_the_object_position()
    {
        var config = Hocon.ParseString("filesync {\n  file-systems = [\n    { name = A }\n  ]\n}", "node.conf");
        var entry = config.GetConfigList("filesync.file-systems")[0];

        var error = Assert.Throws<HoconException>(() => entry.GetConfigList("destinations"));

        Assert.Equal("node.conf:3:5: no setting at 'filesync.file-systems[0].destinations'", error.Message);
        Assert.Equal("filesync.file-systems[0]", entry.PathPrefix);
    }

    [Fact]
    public void GetConfig_returns_a_sub_tree_with_relative_paths()
    {
        var sub = Hocon.ParseString("a.b { c = 1, d = 2 }").GetConfig("a.b");

        Assert.Equal(["c", "d"], sub.Keys);
        Assert.Equal(2, sub.GetInt("d"));
    }
}
