namespace FileSync.Hocon;

/// <summary>
/// A node of a configuration tree. A resolved tree holds only <see cref="HoconObject"/>,
/// <see cref="HoconArray"/> and <see cref="HoconScalar"/>; parsing also produces internal
/// nodes (substitutions, concatenations, merge stacks) that resolution replaces.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(SourcePosition position) => Position = position;

    /// <summary>Where the value was written.</summary>
    public SourcePosition Position { get; }

    /// <summary>A short name of the kind of value, for error sentences ("an object", "a string").</summary>
    internal abstract string KindName { get; }
}
