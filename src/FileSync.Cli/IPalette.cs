using System.CommandLine;

namespace FileSync.Cli;

/// <summary>
/// A group of commands (<c>filesync [host:port] &lt;palette&gt; &lt;command&gt;</c>). Add a palette by implementing
/// this and listing it in <see cref="CliApplication.Palettes"/>.
/// </summary>
public interface IPalette
{
    Command Build(CliContext context);
}
