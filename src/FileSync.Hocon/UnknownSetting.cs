namespace FileSync.Hocon;

/// <summary>A key under <c>filesync</c> in a node's file that the defaults do not have: most likely a typo.</summary>
public sealed record UnknownSetting(string Path, SourcePosition Position)
{
    public override string ToString() => $"{Position}: '{Path}' is not a setting of {HoconDefaults.Origin}; it is ignored";
}
