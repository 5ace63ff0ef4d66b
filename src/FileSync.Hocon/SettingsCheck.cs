namespace FileSync.Hocon;

/// <summary>Compares a node's file with the reference defaults to find keys nobody reads.</summary>
internal static class SettingsCheck
{
    /// <summary>The root key whose sub-tree the defaults describe completely; other roots are the file's own business.</summary>
    private const string CheckedRoot = "filesync";

    public static IReadOnlyList<UnknownSetting> FindUnknown(HoconObject file, HoconObject reference)
    {
        var unknown = new List<UnknownSetting>();
        if (file.TryGetValue(CheckedRoot, out var fileValue) && reference.TryGetValue(CheckedRoot, out var referenceValue))
        {
            Compare(fileValue, referenceValue, HoconPath.Root.Append(CheckedRoot), unknown);
        }

        return unknown;
    }

    // Only objects on both sides are compared key by key: list items and values still to be resolved
    // have no fixed shape in the defaults.
    private static void Compare(HoconValue file, HoconValue reference, HoconPath path, List<UnknownSetting> unknown)
    {
        if (file is not HoconObject fileObject || reference is not HoconObject referenceObject)
        {
            return;
        }

        foreach (var (key, value) in fileObject.Fields)
        {
            var childPath = path.Append(key);
            if (referenceObject.TryGetValue(key, out var referenceChild))
            {
                Compare(value, referenceChild, childPath, unknown);
            }
            else
            {
                unknown.Add(new UnknownSetting(childPath.ToString(), value.Position));
            }
        }
    }
}
