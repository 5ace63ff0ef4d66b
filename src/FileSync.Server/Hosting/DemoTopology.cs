using FileSync.Hocon;

namespace FileSync.Server.Hosting;

/// <summary>
/// The seed's two-node topology as HOCON: node A on http://localhost:8080 hosting <c>NorthwindFS</c>, whose
/// destination (and storage link) is <c>SlaveNorthwindFS</c> on node B at http://localhost:8081.
/// The same settings are in <c>hocon/demo-node-a.conf</c> and <c>hocon/demo-node-b.conf</c> for running the
/// two nodes as separate processes.
/// </summary>
public static class DemoTopology
{
    public const string NodeAUrl = "http://localhost:8080";
    public const string NodeBUrl = "http://localhost:8081";
    public const string SourceFileSystem = "NorthwindFS";
    public const string DestinationFileSystem = "SlaveNorthwindFS";

    public static string NodeAHocon(string dataDirectory) => $$"""
        filesync {
          node { url = "{{NodeAUrl}}", data-dir = {{Quoted(dataDirectory)}} }
          persistence.provider = sqlite
          file-systems = [
            { name = "{{SourceFileSystem}}", destinations = [ { url = "{{NodeBUrl}}", file-system = "{{DestinationFileSystem}}" } ] }
          ]
          storage { file-system = "{{SourceFileSystem}}", remote { url = "{{NodeBUrl}}", file-system = "{{DestinationFileSystem}}" } }
        }
        """;

    public static string NodeBHocon(string dataDirectory) => $$"""
        filesync {
          node { url = "{{NodeBUrl}}", data-dir = {{Quoted(dataDirectory)}} }
          persistence.provider = sqlite
          file-systems = [ { name = "{{DestinationFileSystem}}", destinations = [] } ]
        }
        """;

    /// <summary>The node's text merged over the reference defaults, resolved.</summary>
    public static Config Load(string hocon, string origin) =>
        Hocon.Hocon.ParseString(hocon, origin).WithFallback(HoconDefaults.Load()).Resolve();

    // A HOCON quoted string: the data directory may contain spaces or characters HOCON treats specially.
    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
