using System.CommandLine;

namespace FileSync.Cli.Palettes;

/// <summary>Arguments and options several palettes take, spelled and checked the same way everywhere.</summary>
internal static class CommonArguments
{
    /// <summary>A new <c>fs</c> argument (System.CommandLine symbols belong to one command each).</summary>
    public static Argument<string> FileSystem() => new("fs") { Description = "File system name, e.g. NorthwindFS" };

    /// <summary><c>--start N</c> (0 or more, default 0): how many <paramref name="items"/> to skip.</summary>
    public static Option<int> Start(string items) =>
        new("--start") { Description = $"Skip this many {items}", DefaultValueFactory = _ => 0, CustomParser = Parsers.AtLeast("--start", 0) };

    /// <summary><c>--page-size N</c> (1 or more): how many <paramref name="items"/> to show at most.</summary>
    public static Option<int> PageSize(string items, int byDefault) =>
        new("--page-size") { Description = $"Show at most this many {items}", DefaultValueFactory = _ => byDefault, CustomParser = Parsers.AtLeast("--page-size", 1) };
}
