namespace FileSync.Hocon;

/// <summary>
/// An object: keys in the order they were first written. Built up by the parser (fields merge
/// as they are added), read-only once parsing is over.
/// </summary>
public sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);

    internal HoconObject(SourcePosition position)
        : base(position)
    {
    }

    public IReadOnlyDictionary<string, HoconValue> Fields => _fields;

    public IEnumerable<string> Keys => _fields.Keys;

    public int Count => _fields.Count;

    public bool TryGetValue(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    internal override string KindName => "an object";

    /// <summary>Sets a key, replacing whatever was there (no merging).</summary>
    internal void Set(string key, HoconValue value) => _fields[key] = value;

    internal void Remove(string key) => _fields.Remove(key);

    /// <summary>Adds a later definition of <paramref name="key"/>, merging it with an earlier one as HOCON says.</summary>
    internal void Define(string key, HoconValue later) =>
        _fields[key] = Merging.Define(_fields.TryGetValue(key, out var earlier) ? earlier : null, later);
}
