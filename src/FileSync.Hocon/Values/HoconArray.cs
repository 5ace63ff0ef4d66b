namespace FileSync.Hocon;

/// <summary>An ordered list of values.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly List<HoconValue> _items;

    internal HoconArray(IEnumerable<HoconValue> items, SourcePosition position)
        : base(position) => _items = items.ToList();

    public IReadOnlyList<HoconValue> Items => _items;

    internal override string KindName => "a list";
}
