using FileSync.Storage.Files;

namespace FileSync.Server.Http;

/// <summary>
/// Validates the user-supplied parts of a route before anything touches the store: the file system
/// name and the file name. Kestrel has already percent-decoded the path except for "%2F", which is
/// decoded here so that an encoded slash cannot smuggle a ".." past the segment check.
/// </summary>
public static class RouteNames
{
    public static string FileSystem(string? raw)
    {
        if (!FileSystemName.IsValid(raw))
            throw new BadRequestException(
                $"'{Shorten(raw)}' is not a valid file system name: use letters, digits, '-', '_' and '.', at most 128 characters.");
        return raw!;
    }

    public static string File(string? raw)
    {
        var decoded = raw?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (!FileName.TryNormalize(decoded, out var name, out var error)) throw new BadRequestException(error);
        return name;
    }

    private static string Shorten(string? raw)
    {
        if (raw is null) return "";
        var shown = raw.Length > 80 ? raw[..80] + "…" : raw;
        return new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }
}
