using System.Text.RegularExpressions;

namespace FileSync.Storage.Files;

/// <summary>File system names are identifiers ("NorthwindFS"): letters, digits, '-', '_' and '.', at most 128 characters.</summary>
public static partial class FileSystemName
{
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 128 && name != "." && name != ".." && Pattern().IsMatch(name);

    public static void Validate(string? name)
    {
        if (!IsValid(name))
            throw new ArgumentException(
                $"'{name}' is not a valid file system name: use letters, digits, '-', '_' and '.', at most 128 characters.");
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex Pattern();
}
