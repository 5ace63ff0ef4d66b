namespace FileSync.Hocon;

/// <summary>
/// All definitions of one key whose final value can only be known after resolution
/// (at least one of them holds a substitution). Earlier definitions come first; a later one
/// hides the earlier ones unless both turn out to be objects, which merge. A self-reference in
/// definition <c>i</c> sees the merge of definitions <c>0..i-1</c>.
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    public HoconMergeStack(IReadOnlyList<HoconValue> definitions)
        : base(definitions[^1].Position) => Definitions = definitions;

    public IReadOnlyList<HoconValue> Definitions { get; }

    internal override string KindName => "a merged value";
}
