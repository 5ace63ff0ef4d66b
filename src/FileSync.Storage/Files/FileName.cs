using System.Text;

namespace FileSync.Storage.Files;

/// <summary>
/// File names are absolute paths inside a file system ("/books/a.pdf"). They are keys in the node's
/// database, never paths on the node's disk; normalizing them still rejects anything that looks like
/// an escape so that no caller ever has to think about it again.
/// </summary>
public static class FileName
{
    public const int MaxUtf8Bytes = 1024;

    /// <summary>Normalizes <paramref name="raw"/> to "/a/b" form, or throws <see cref="InvalidFileNameException"/>.</summary>
    public static string Normalize(string? raw)
    {
        if (TryNormalize(raw, out var name, out var error)) return name;
        throw new InvalidFileNameException(error);
    }

    public static bool TryNormalize(string? raw, out string name, out string error)
    {
        name = "";
        if (string.IsNullOrWhiteSpace(raw)) { error = "The file name is empty."; return false; }
        if (raw.Contains('\\')) { error = $"The file name '{Printable(raw)}' contains a backslash."; return false; }
        foreach (var c in raw)
        {
            if (char.IsControl(c)) { error = $"The file name '{Printable(raw)}' contains a control character."; return false; }
        }
        var segments = raw.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) { error = "The file name names no file."; return false; }
        foreach (var segment in segments)
        {
            if (segment is "." or "..")
            {
                error = $"The file name '{Printable(raw)}' contains a '{segment}' segment; names must not leave their folder.";
                return false;
            }
            if (segment.Trim().Length == 0) { error = $"The file name '{Printable(raw)}' has a blank segment."; return false; }
        }
        var normalized = "/" + string.Join('/', segments);
        if (Encoding.UTF8.GetByteCount(normalized) > MaxUtf8Bytes)
        {
            error = $"The file name is longer than {MaxUtf8Bytes} bytes of UTF-8.";
            return false;
        }
        name = normalized;
        error = "";
        return true;
    }

    private static string Printable(string raw)
    {
        var shown = raw.Length > 80 ? raw[..80] + "…" : raw;
        var sb = new StringBuilder(shown.Length);
        foreach (var c in shown) sb.Append(char.IsControl(c) ? '?' : c);
        return sb.ToString();
    }
}

public sealed class InvalidFileNameException(string message) : ArgumentException(message);
