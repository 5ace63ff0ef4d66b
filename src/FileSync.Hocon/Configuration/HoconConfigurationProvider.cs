using Microsoft.Extensions.Configuration;

namespace FileSync.Hocon.Configuration;

/// <summary>
/// Flattens a resolved config into configuration keys: <c>filesync.node.url</c> becomes
/// <c>filesync:node:url</c>, list items <c>:0</c>, <c>:1</c>. Durations and sizes stay strings.
/// </summary>
/// <remarks>
/// Two conveniences so options binding works on HOCON's style: a key with hyphens is also published
/// without them (<c>data-dir</c> and <c>datadir</c>, which binds to <c>DataDir</c>), and the unquoted words
/// <c>on/off/yes/no</c> are published as <c>true/false</c> (quoted strings are left alone).
/// </remarks>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    public HoconConfigurationProvider(HoconConfigurationSource source) => _source = source;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(_source.Load().Root, prefixes: [""], data);
        Data = data;
    }

    private static void Flatten(HoconValue value, IReadOnlyList<string> prefixes, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject { Count: 0 }:
            case HoconArray { Items.Count: 0 }:
                SetAll(prefixes, null, data);
                break;
            case HoconObject obj:
                foreach (var (key, child) in obj.Fields)
                {
                    Flatten(child, Extend(prefixes, KeyForms(key)), data);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Flatten(array.Items[i], Extend(prefixes, [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]), data);
                }

                break;
            case HoconScalar scalar:
                SetAll(prefixes, TextOf(scalar), data);
                break;
        }
    }

    private static string? TextOf(HoconScalar scalar) => scalar switch
    {
        { Kind: HoconScalarKind.Null } => null,
        { Kind: HoconScalarKind.String, WasUnquoted: true } when HoconValues.IsBooleanWord(scalar.Text) =>
            HoconValues.ParseBoolean(scalar.Text) ? "true" : "false",
        _ => scalar.Text,
    };

    private static string[] KeyForms(string key) =>
        key.Contains('-', StringComparison.Ordinal) ? [key, key.Replace("-", "", StringComparison.Ordinal)] : [key];

    private static List<string> Extend(IReadOnlyList<string> prefixes, IReadOnlyList<string> keys) =>
        prefixes.SelectMany(prefix => keys.Select(key => prefix.Length == 0 ? key : prefix + ConfigurationPath.KeyDelimiter + key)).ToList();

    private static void SetAll(IReadOnlyList<string> keys, string? value, Dictionary<string, string?> data)
    {
        foreach (var key in keys)
        {
            if (key.Length > 0)
            {
                data[key] = value;
            }
        }
    }
}
