using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Incoming;

/// <summary>What the destination holds under a name: its latest state, live or tombstone.</summary>
/// <param name="Version">The synchronization version of that state; null when the name was never used (or carries none).</param>
/// <param name="IsLive">False for a tombstone or a name never used.</param>
public sealed record LocalFileState(SynchronizationVersion? Version, bool IsLive, DateTimeOffset LastModified)
{
    public static readonly LocalFileState Absent = new(null, false, DateTimeOffset.MinValue);

    public static LocalFileState From(FileChange? entry) =>
        entry is null ? Absent : new LocalFileState(entry.Version, !entry.Deleted, entry.LastModified);
}

/// <summary>The version a source offers: its synchronization version, when it was last modified there, and who sends it.</summary>
public sealed record IncomingVersion(SynchronizationVersion Version, DateTimeOffset? LastModified, string SourceServerUrl);

/// <summary>Why the decision came out as it did; the applier acts on it (e.g. records or resolves a conflict).</summary>
public enum DecisionReason
{
    NoLocalVersion,
    LockedByAnotherSync,
    SameVersion,
    IncomingIsInLocalHistory,
    LocalIsInIncomingHistory,
    ConflictResolvedUsingRemote,
    AutoResolvedToRemote,
    AutoResolvedToLocal,
    Conflict,
}

/// <summary>A decision and its reason.</summary>
public sealed record IncomingVerdict(IncomingDecision Decision, DecisionReason Reason)
{
    public bool Proceeds => Decision == IncomingDecision.Proceed;
}

/// <summary>
/// The destination's decision about an incoming version (docs/sync-protocol.md, "Deciding"): a pure
/// function of what both sides hold, first match wins. Side effects (recording a conflict, merging
/// histories for a local resolution) belong to the caller.
/// </summary>
public static class IncomingDecider
{
    /// <param name="local">The destination's latest state of the name.</param>
    /// <param name="incoming">The version offered.</param>
    /// <param name="lockedByAnotherSync">True when another incoming synchronization holds the file's lock.</param>
    /// <param name="conflict">The conflict recorded for this file, if any.</param>
    /// <param name="policy">The file system's automatic conflict resolution.</param>
    public static IncomingVerdict Decide(LocalFileState local, IncomingVersion incoming, bool lockedByAnotherSync,
        ConflictItem? conflict, ConflictResolutionPolicy policy)
    {
        var theirs = incoming.Version;
        var mine = local.Version;

        // 1. Nothing here, or only a tombstone the incoming version descends from.
        if (mine is null || (!local.IsLive && theirs.Contains(mine.Version, mine.ServerId) && !SameVersion(mine, theirs)))
            return new(IncomingDecision.Proceed, DecisionReason.NoLocalVersion);
        // 2. Someone else is writing this file right now.
        if (lockedByAnotherSync)
            return new(IncomingDecision.Locked, DecisionReason.LockedByAnotherSync);
        // 3. Exactly this version.
        if (SameVersion(mine, theirs))
            return new(IncomingDecision.AlreadyHas, DecisionReason.SameVersion);
        // 4. An older version of what we hold.
        if (mine.History.Any(h => h.Version == theirs.Version && h.ServerId == theirs.ServerId))
            return new(IncomingDecision.HadInPast, DecisionReason.IncomingIsInLocalHistory);
        // 5. A descendant of what we hold.
        if (theirs.History.Any(h => h.Version == mine.Version && h.ServerId == mine.ServerId))
            return new(IncomingDecision.Proceed, DecisionReason.LocalIsInIncomingHistory);
        // A tombstone cannot hold a conflict (there is no content to keep): the incoming edit re-creates the file.
        if (!local.IsLive)
            return new(IncomingDecision.Proceed, DecisionReason.NoLocalVersion);
        // 6. Someone chose the remote side of this file's conflict.
        if (conflict is { ResolveUsingRemote: true }
            && string.Equals(conflict.RemoteServerUrl.TrimEnd('/'), incoming.SourceServerUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return new(IncomingDecision.Proceed, DecisionReason.ConflictResolvedUsingRemote);
        // 7. A conflict: the policy may settle it.
        return policy switch
        {
            ConflictResolutionPolicy.ResolveToRemote => new(IncomingDecision.Proceed, DecisionReason.AutoResolvedToRemote),
            ConflictResolutionPolicy.ResolveToLocal => new(IncomingDecision.HadInPast, DecisionReason.AutoResolvedToLocal),
            ConflictResolutionPolicy.ResolveToLatest when incoming.LastModified is { } theirTime && theirTime > local.LastModified =>
                new(IncomingDecision.Proceed, DecisionReason.AutoResolvedToRemote),
            ConflictResolutionPolicy.ResolveToLatest => new(IncomingDecision.HadInPast, DecisionReason.AutoResolvedToLocal),
            _ => new(IncomingDecision.Conflict, DecisionReason.Conflict),
        };
    }

    private static bool SameVersion(SynchronizationVersion a, SynchronizationVersion b) =>
        a.Version == b.Version && a.ServerId == b.ServerId;
}
