namespace FileSync.Hocon;

/// <summary>
/// Values written next to each other (<c>${a} foo</c>, <c>${list} [x]</c>, <c>${defaults} { y = 1 }</c>)
/// that hold at least one substitution or object/array, so they can only be joined after resolution.
/// </summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(IReadOnlyList<HoconValue> parts, SourcePosition position)
        : base(position) => Parts = parts;

    /// <summary>Values and the whitespace between them, in order.</summary>
    public IReadOnlyList<HoconValue> Parts { get; }

    internal override string KindName => "a concatenation";
}
