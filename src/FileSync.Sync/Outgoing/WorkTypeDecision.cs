using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;

namespace FileSync.Sync.Outgoing;

/// <summary>The outcome of <see cref="WorkTypeDecision.Decide"/>: a type to run, or nothing with the reason.</summary>
/// <param name="Type">Null when there is nothing to do.</param>
/// <param name="Reason">Why there is nothing to do; becomes the report's exception message when it is worth telling.</param>
public sealed record WorkDecision(SynchronizationType? Type, string? Reason = null)
{
    public static WorkDecision Nothing(string reason) => new(null, reason);
}

/// <summary>
/// DESIGN.md §5, first match wins: file gone locally → nothing; conflicted → nothing; rename tombstone →
/// Rename; tombstone → Delete; destination already has this version (or had it) → nothing; same content hash →
/// MetadataUpdate; otherwise ContentUpdate.
/// </summary>
public static class WorkTypeDecision
{
    public const string GoneLocally = "The file no longer exists on the source";
    public const string ConflictedLocally = "The file is conflicted on the source";
    public const string AlreadyHas = "Destination server already has this file";
    public const string HadInPast = IncomingMessages.HadInPast;

    /// <param name="local">The file's latest entry here (null when the name was never used).</param>
    /// <param name="work">The queued work; its ETag must still be the entry's, or a newer work supersedes it.</param>
    /// <param name="remote">The destination's current version (null when it has none).</param>
    /// <param name="remoteHadInPast">The destination said the local version is in its history.</param>
    public static WorkDecision Decide(FileChange? local, SynchronizationWork work, CurrentVersionInfo? remote, bool remoteHadInPast = false)
    {
        if (local is null || local.Etag != work.SourceEtag) return WorkDecision.Nothing(GoneLocally);
        if (local.Metadata.TryGetValue(MetadataKeys.SynchronizationConflict, out var conflicted)
            && bool.TryParse(conflicted, out var isConflicted) && isConflicted)
            return WorkDecision.Nothing(ConflictedLocally);
        if (local.Deleted) return new WorkDecision(local.RenamedTo is null ? SynchronizationType.Delete : SynchronizationType.Rename);
        var version = local.Version;
        if (remote is not null && version is not null && remote.Version == version.Version && remote.ServerId == version.ServerId)
            return WorkDecision.Nothing(AlreadyHas);
        if (remoteHadInPast) return WorkDecision.Nothing(HadInPast);
        if (remote is not null && remote.ContentHash is not null && remote.Size == local.Size
            && string.Equals(remote.ContentHash, local.ContentHash, StringComparison.OrdinalIgnoreCase))
            return new WorkDecision(SynchronizationType.MetadataUpdate);
        return new WorkDecision(SynchronizationType.ContentUpdate);
    }
}
