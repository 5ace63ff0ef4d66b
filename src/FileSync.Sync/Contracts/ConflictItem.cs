namespace FileSync.Sync.Contracts;

/// <summary>
/// A recorded conflict (API.md §4): the destination's file and an incoming version from
/// <paramref name="RemoteServerUrl"/> that do not descend from each other. Each history ends with
/// that side's version. <paramref name="ResolveUsingRemote"/> is set by resolving with
/// <c>RemoteVersion</c>: the next push of that file from that server is applied.
/// </summary>
public sealed record ConflictItem(
    string FileName,
    string RemoteServerUrl,
    IReadOnlyList<HistoryItemDto> CurrentHistory,
    IReadOnlyList<HistoryItemDto> RemoteHistory,
    bool ResolveUsingRemote);
