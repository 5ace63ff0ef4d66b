using System.Globalization;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Incoming;

/// <summary>
/// Gathers what <see cref="IncomingDecider"/> needs for one file (its latest state, its lock, its conflict,
/// the file system's policy) and carries out the consequences of a decision that is not "go ahead":
/// recording a conflict, or keeping the local version when the policy says so.
/// </summary>
internal sealed class IncomingJudge(NodeFileSystems store, FileLockRegistry locks, ConflictStore conflicts)
{
    private readonly ConflictKeeper _keeper = new(store, conflicts);

    public ConflictKeeper Keeper => _keeper;

    /// <summary>The decision for one file. <paramref name="holdsLock"/>: the caller holds the file's lock itself.</summary>
    public async Task<(IncomingVerdict Verdict, FileChange? Local)> DecideAsync(string fileSystem, string name, IncomingVersion incoming,
        IncomingSettings settings, bool holdsLock, CancellationToken ct)
    {
        var local = await store.GetEntryAsync(fileSystem, name, ct).ConfigureAwait(false);
        var conflict = await conflicts.FindAsync(fileSystem, name, ct).ConfigureAwait(false);
        var locked = !holdsLock && locks.IsLocked(fileSystem, name);
        return (IncomingDecider.Decide(LocalFileState.From(local), incoming, locked, conflict, settings.ConflictResolution), local);
    }

    /// <summary>
    /// Carries out a decision that does not apply the incoming version and returns the answer for the source;
    /// null when the decision is to go ahead.
    /// </summary>
    public async Task<IncomingResult?> SettleAsync(string fileSystem, string name, IncomingVerdict verdict, FileChange? local,
        IncomingVersion incoming, CancellationToken ct)
    {
        switch (verdict.Reason)
        {
            case DecisionReason.Conflict:
                await _keeper.RecordAsync(fileSystem, local!, incoming, ct).ConfigureAwait(false);
                return new IncomingResult(name, IncomingDecision.Conflict, null, IncomingMessages.Conflicted(name));
            case DecisionReason.AutoResolvedToLocal:
                await _keeper.KeepLocalAsync(fileSystem, local!, HistoryItemDto.HistoryAndCurrent(incoming.Version), ct).ConfigureAwait(false);
                return new IncomingResult(name, IncomingDecision.HadInPast, null, IncomingMessages.ResolvedToLocal(name));
            case DecisionReason.SameVersion:
                return new IncomingResult(name, IncomingDecision.AlreadyHas, Etags.Format(local!.Etag), IncomingMessages.AlreadyHas(name));
            case DecisionReason.IncomingIsInLocalHistory:
                return new IncomingResult(name, IncomingDecision.HadInPast, null, IncomingMessages.HadInPast);
            case DecisionReason.LockedByAnotherSync:
                return new IncomingResult(name, IncomingDecision.Locked, null, IncomingMessages.Locked(name));
            default:
                return verdict.Proceeds ? null : throw new InvalidOperationException($"Unhandled decision {verdict.Decision} ({verdict.Reason}).");
        }
    }

    /// <summary>Reads the incoming version from the metadata the source sent; a clear error when it lacks the synchronization keys.</summary>
    public static IncomingVersion ReadIncoming(string name, IReadOnlyDictionary<string, string>? metadata, SourceInfo source)
    {
        if (metadata is null) throw new InvalidDataException($"The incoming metadata of '{name}' is missing.");
        SynchronizationVersion? version;
        try
        {
            version = SynchronizationVersion.FromMetadata(metadata);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"The incoming metadata of '{name}' is unreadable: {e.Message}", e);
        }
        if (version is null)
            throw new InvalidDataException(
                $"The incoming metadata of '{name}' needs {MetadataKeys.SynchronizationVersion} and {MetadataKeys.SynchronizationSource} (a number and a GUID).");
        DateTimeOffset? lastModified = metadata.TryGetValue("Last-Modified", out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        return new IncomingVersion(version, lastModified, source.ServerUrl);
    }
}
