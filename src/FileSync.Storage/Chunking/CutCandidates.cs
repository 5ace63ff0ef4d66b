namespace FileSync.Storage.Chunking;

/// <summary>
/// Positions where a chunk may end, in increasing order: every position whose window hash passes the easy
/// mask, each marked whether it also passes the hard mask. A position is a chunk length from the start of the
/// searched data (the end of the window, exclusive). The flag sits in the sign bit, which a span offset never uses.
/// </summary>
internal sealed class CutCandidates(int capacity)
{
    private const int HardFlag = int.MinValue;
    private int[] _items = new int[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public void Add(int end, bool hard)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = hard ? end | HardFlag : end;
    }

    /// <summary>Appends all of <paramref name="later"/>, whose positions all follow this list's.</summary>
    public void AddAll(CutCandidates later)
    {
        if (Count + later.Count > _items.Length) Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + later.Count));
        Array.Copy(later._items, 0, _items, Count, later.Count);
        Count += later.Count;
    }

    public int End(int index) => _items[index] & int.MaxValue;

    public bool IsHard(int index) => _items[index] < 0;
}
