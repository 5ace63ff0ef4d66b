namespace FileSync.Client;

/// <summary>A file whose local and incoming versions were edited independently (items of <c>Conflicts</c>).</summary>
public sealed record ConflictItem
{
    public string FileName { get; init; } = "";
    public string? RemoteServerUrl { get; init; }
    public HistoryItem[] CurrentHistory { get; init; } = [];
    public HistoryItem[] RemoteHistory { get; init; } = [];
    public bool ResolveUsingRemote { get; init; }
}

/// <summary>One version of a file: a counter of the server that made it.</summary>
public sealed record HistoryItem
{
    public long Version { get; init; }
    public string ServerId { get; init; } = "";
}
