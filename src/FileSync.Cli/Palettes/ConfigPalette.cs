using System.CommandLine;
using FileSync.Hocon;
using HoconParser = FileSync.Hocon.Hocon;

namespace FileSync.Cli.Palettes;

/// <summary><c>config render FILE</c>: FILE merged over the built-in defaults, resolved, printed as JSON. Works offline.</summary>
public sealed class ConfigPalette : IPalette
{
    public Command Build(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "HOCON file to merge over hocon/filesync.conf" };
        var render = new Command("render", "Resolve a HOCON file over the defaults and print the result as JSON") { file };
        render.SetAction(parse => Render(context, parse.GetValue(file)!));

        return new Command("config", "Configuration files") { render };
    }

    private static int Render(CliContext context, string file)
    {
        Config config;
        IReadOnlyList<UnknownSetting> unknown;
        try
        {
            unknown = HoconDefaults.FindUnknownSettings(HoconParser.ParseFile(file));
            config = HoconDefaults.LoadWithOverrides(file);
        }
        catch (HoconException e)
        {
            return context.Fail(e.Message);
        }

        // Typos in key names would otherwise vanish without a trace; they do not make the file invalid.
        foreach (var setting in unknown)
        {
            context.Error.WriteLine($"warning: {setting}");
        }

        context.Output.WriteLine(config.ToJson());
        return ExitCodes.Success;
    }
}
