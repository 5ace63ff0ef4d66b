using System.Globalization;
using System.Text;

namespace FileSync.Acceptance.Support;

/// <summary>One destination of a file system: a file system on another node.</summary>
public sealed record DestinationSpec(NodeProcess Node, string FileSystem, bool Enabled = true);

/// <summary>One file system a node hosts, as HOCON <c>filesync.file-systems</c> declares it.</summary>
public sealed record FileSystemSpec(string Name)
{
    public IReadOnlyList<DestinationSpec> Destinations { get; init; } = [];
    public int? MaxPerDestination { get; init; }

    /// <summary><c>None | ResolveToLocal | ResolveToRemote | ResolveToLatest</c>; null keeps the default.</summary>
    public string? ConflictResolution { get; init; }
}

/// <summary>Renders the part of a node's HOCON file that the acceptance tests vary.</summary>
public static class NodeConfig
{
    public static string Render(IEnumerable<FileSystemSpec> fileSystems, TimeSpan? interval = null)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  synchronization.interval = {(long)(interval ?? TimeSpan.FromHours(1)).TotalMilliseconds}ms\n");
        text.Append("  file-systems = [\n");
        foreach (var fs in fileSystems)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {{ name = \"{fs.Name}\"");
            if (fs.MaxPerDestination is { } max) text.Append(CultureInfo.InvariantCulture, $", max-per-destination = {max}");
            if (fs.ConflictResolution is { } resolution) text.Append(CultureInfo.InvariantCulture, $", conflict-resolution = {resolution}");
            text.Append(", destinations = [");
            text.Append(string.Join(", ", fs.Destinations.Select(d =>
                $"{{ url = \"{d.Node.Url}\", file-system = \"{d.FileSystem}\", enabled = {(d.Enabled ? "true" : "false")} }}")));
            text.Append("] }\n");
        }
        text.Append("  ]");
        return text.ToString();
    }
}
