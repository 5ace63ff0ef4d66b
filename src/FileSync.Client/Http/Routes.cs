namespace FileSync.Client.Http;

/// <summary>Builds the node's relative URLs with every user-supplied part escaped.</summary>
internal static class Routes
{
    public static string FileSystems() => "fs";

    public static string AdminFileSystem(string fileSystem) => $"admin/fs/{Uri.EscapeDataString(fileSystem)}";

    public static string Files(string fileSystem) => $"fs/{Uri.EscapeDataString(fileSystem)}/files";

    public static string File(string fileSystem, string name) => $"{Files(fileSystem)}/{EscapeName(name)}";

    public static string Config(string fileSystem, string key) =>
        $"fs/{Uri.EscapeDataString(fileSystem)}/config?name={Uri.EscapeDataString(key)}";

    public static string Synchronization(string fileSystem, string action) =>
        $"fs/{Uri.EscapeDataString(fileSystem)}/synchronization/{action}";

    /// <summary>Escapes each segment of "/a/b c" so the node sees the same segments; the leading '/' is optional on the wire.</summary>
    public static string EscapeName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }
}
