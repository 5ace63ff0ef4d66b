using System.Globalization;
using FileSync.Hocon.Resolution;

namespace FileSync.Hocon;

/// <summary>
/// An immutable configuration tree with typed reads by path (<c>filesync.node.url</c>).
/// A parsed config is unresolved until <see cref="Resolve"/> is called or a value is first read
/// (reads resolve once and keep the result). Merge before resolving so substitutions see the whole.
/// </summary>
public sealed class Config
{
    private readonly HoconObject _root;
    private readonly bool _isResolved;
    private Config? _resolved;

    internal Config(HoconObject root, bool isResolved, string pathPrefix = "")
    {
        _root = root;
        _isResolved = isResolved;
        PathPrefix = pathPrefix;
        if (isResolved)
        {
            _resolved = this;
        }
    }

    /// <summary>Where this config sits in the one it was taken from (<c>filesync.file-systems[0]</c>), for error messages; empty at the top.</summary>
    public string PathPrefix { get; }

    /// <summary>An empty, resolved configuration.</summary>
    public static Config Empty { get; } = new(new HoconObject(SourcePosition.Unknown("empty")), isResolved: true);

    public bool IsResolved => _isResolved;

    /// <summary>The resolved top-level object.</summary>
    public HoconObject Root => Resolve()._root;

    /// <summary>The tree as parsed, substitutions still in place (the resolved tree when already resolved).</summary>
    internal HoconObject UnresolvedRoot => _root;

    /// <summary>The top-level keys.</summary>
    public IEnumerable<string> Keys => Root.Keys;

    /// <summary>Resolves every substitution (environment variables included); returns this when already resolved.</summary>
    /// <exception cref="HoconException">A substitution cannot be resolved, is part of a cycle, or joins mismatched values.</exception>
    public Config Resolve() => _resolved ??= new Config(Resolver.Resolve(_root), isResolved: true, PathPrefix);

    /// <summary>This config over <paramref name="fallback"/>: keys here win, objects merge. Unresolved when either side is.</summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var merged = Merging.MergeObjects(fallback._root, _root);
        return new Config(merged, _isResolved && fallback._isResolved);
    }

    /// <summary>True when the path leads to a value other than null.</summary>
    public bool HasPath(string path) => TryGetValue(path, out var value) && value is not HoconScalar { Kind: HoconScalarKind.Null };

    /// <summary>The value at a path, or null when there is none.</summary>
    public HoconValue? GetValue(string path) => TryGetValue(path, out var value) ? value : null;

    public string GetString(string path) => ReadScalar(path, "a string", s => s.Text);

    public string GetString(string path, string defaultValue) => HasPath(path) ? GetString(path) : defaultValue;

    public int GetInt(string path) => ReadScalar(path, "a whole number", s => ParseNumber(s, "a 32-bit whole number", text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)));

    public int GetInt(string path, int defaultValue) => HasPath(path) ? GetInt(path) : defaultValue;

    public long GetLong(string path) => ReadScalar(path, "a whole number", s => ParseNumber(s, "a 64-bit whole number", text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)));

    public long GetLong(string path, long defaultValue) => HasPath(path) ? GetLong(path) : defaultValue;

    public double GetDouble(string path) => ReadScalar(path, "a number", s => ParseNumber(s, "a number", text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)));

    public double GetDouble(string path, double defaultValue) => HasPath(path) ? GetDouble(path) : defaultValue;

    /// <summary>true/false, on/off or yes/no.</summary>
    public bool GetBoolean(string path) => ReadScalar(path, "a boolean", s => HoconValues.ParseBoolean(s.Text));

    public bool GetBoolean(string path, bool defaultValue) => HasPath(path) ? GetBoolean(path) : defaultValue;

    /// <summary>A duration such as <c>500ms</c>, <c>5s</c>, <c>10m</c>, <c>1h</c>, <c>2d</c>; a bare number is milliseconds.</summary>
    public TimeSpan GetDuration(string path) => ReadScalar(path, "a duration", s => HoconValues.ParseDuration(s.Text));

    public TimeSpan GetDuration(string path, TimeSpan defaultValue) => HasPath(path) ? GetDuration(path) : defaultValue;

    /// <summary>A size in bytes such as <c>64k</c>, <c>64KiB</c>, <c>10MB</c>; a bare number is bytes.</summary>
    public long GetByteSize(string path) => ReadScalar(path, "a byte size", s => HoconValues.ParseByteSize(s.Text));

    public long GetByteSize(string path, long defaultValue) => HasPath(path) ? GetByteSize(path) : defaultValue;

    /// <summary>A list of strings, numbers or booleans, each as text.</summary>
    public IReadOnlyList<string> GetStringList(string path)
    {
        var list = Require<HoconArray>(path, "a list");
        return list.Items.Select((item, i) => item is HoconScalar { Kind: not HoconScalarKind.Null } scalar
            ? scalar.Text
            : throw new HoconException(item.Position, $"'{FullPath(path)}[{i}]' is {item.KindName}, not a string")).ToList();
    }

    /// <summary>The object at a path as a config of its own (paths in it are relative to that object).</summary>
    public Config GetConfig(string path) => new(Require<HoconObject>(path, "an object"), isResolved: true, FullPath(path));

    /// <summary>A list of objects, each as a config of its own.</summary>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        var list = Require<HoconArray>(path, "a list");
        return list.Items.Select((item, i) => item is HoconObject obj
            ? new Config(obj, isResolved: true, $"{FullPath(path)}[{i}]")
            : throw new HoconException(item.Position, $"'{FullPath(path)}[{i}]' is {item.KindName}, not an object")).ToList();
    }

    /// <summary>The resolved tree as JSON (numbers as written, key order as first defined).</summary>
    public string ToJson(bool indented = true) => JsonRendering.Render(Root, indented);

    public override string ToString() => ToJson(indented: false);

    private bool TryGetValue(string path, out HoconValue value)
    {
        HoconValue current = Root;
        foreach (var element in HoconPath.Parse(path).Elements)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(element, out current!))
            {
                value = null!;
                return false;
            }
        }

        value = current;
        return true;
    }

    private T Require<T>(string path, string expected)
        where T : HoconValue
    {
        if (!TryGetValue(path, out var value))
        {
            // In a sub-config the object's own position helps find it; the top of a file has no useful position.
            var where = PathPrefix.Length == 0 ? SourcePosition.Unknown(Root.Position.Origin) : Root.Position;
            throw new HoconException(where, $"no setting at '{FullPath(path)}'");
        }

        return value as T ?? throw new HoconException(value.Position, $"'{FullPath(path)}' is {value.KindName}, not {expected}");
    }

    private TResult ReadScalar<TResult>(string path, string expected, Func<HoconScalar, TResult> read)
    {
        var scalar = Require<HoconScalar>(path, expected);
        if (scalar.Kind == HoconScalarKind.Null)
        {
            throw new HoconException(scalar.Position, $"'{FullPath(path)}' is null, not {expected}");
        }

        try
        {
            return read(scalar);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new HoconException(scalar.Position, $"'{FullPath(path)}': {e.Message}", e);
        }
    }

    private string FullPath(string path) => PathPrefix.Length == 0 ? path : $"{PathPrefix}.{path}";

    private static T ParseNumber<T>(HoconScalar scalar, string expected, Func<string, T> parse)
    {
        try
        {
            return parse(scalar.Text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"'{scalar.Text}' is not {expected}", e);
        }
    }
}
