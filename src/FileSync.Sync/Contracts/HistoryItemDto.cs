using FileSync.Storage.Files;

namespace FileSync.Sync.Contracts;

/// <summary>One entry of a synchronization history on the wire: <c>{"Version","ServerId"}</c>.</summary>
public sealed record HistoryItemDto(long Version, Guid ServerId)
{
    public static HistoryItemDto From(HistoryItem item) => new(item.Version, item.ServerId);

    /// <summary>A version's history followed by the version itself (RavenFS's ConflictItem histories end with the current version).</summary>
    public static IReadOnlyList<HistoryItemDto> HistoryAndCurrent(SynchronizationVersion? version) =>
        version is null
            ? []
            : version.History.Select(From).Append(new HistoryItemDto(version.Version, version.ServerId)).ToList();
}
