using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Notifications;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The incoming changes that move no content: a metadata update, a delete and a rename. Each is decided
/// under the file's lock like a content update, and commits with the source's synchronization metadata.
/// </summary>
internal sealed class SimpleChanges(NodeFileSystems store, FileLockRegistry locks, IncomingJudge judge, SourceProgressStore progress,
    IncomingStatusBoard status, SynchronizationPublisher publisher)
{
    public async Task<IncomingResult> ApplyMetadataAsync(string fileSystem, SourceInfo source, IncomingMetadataRequest request, CancellationToken ct)
    {
        var name = IncomingSynchronization.ValidName(request.FileName);
        var start = await LockAndDecideAsync(fileSystem, source, name, request.Metadata, SynchronizationType.MetadataUpdate, request.SourceFileEtag, ct)
            .ConfigureAwait(false);
        using var lease = start.Lease;
        using var activity = Announce(fileSystem, name, source, SynchronizationType.MetadataUpdate, lease);
        if (start.Answer is not null) return start.Answer;
        var local = start.Local;

        if (local is not { Deleted: false })
            return Retry(fileSystem, name, request.SourceFileEtag, SynchronizationType.MetadataUpdate,
                $"The destination has no content for {name}; send the content instead of a metadata update");
        if (request.Metadata.TryGetValue(MetadataKeys.ContentHash, out var theirHash) && !string.IsNullOrEmpty(theirHash)
            && !string.Equals(theirHash, local.ContentHash, StringComparison.OrdinalIgnoreCase))
            return Retry(fileSystem, name, request.SourceFileEtag, SynchronizationType.MetadataUpdate,
                $"The destination's content of {name} differs from the source's; send the content instead of a metadata update");
        var committed = await store.CommitRemoteVersionAsync(fileSystem, name, null, local.ContentHash, ConflictKeeper.WithoutMark(request.Metadata), ct)
            .ConfigureAwait(false);
        await judge.Keeper.ForgetAsync(fileSystem, name, ct).ConfigureAwait(false);
        return await FinishAsync(fileSystem, source, request.SourceFileEtag, SynchronizationType.MetadataUpdate,
            IncomingResult.Applied(name, Etags.Format(committed.Etag)), ct).ConfigureAwait(false);
    }

    public async Task<IncomingResult> ApplyDeleteAsync(string fileSystem, SourceInfo source, IncomingDeleteRequest request, CancellationToken ct)
    {
        var name = IncomingSynchronization.ValidName(request.FileName);
        var start = await LockAndDecideAsync(fileSystem, source, name, request.Metadata, SynchronizationType.Delete, request.SourceFileEtag, ct)
            .ConfigureAwait(false);
        using var lease = start.Lease;
        using var activity = Announce(fileSystem, name, source, SynchronizationType.Delete, lease);
        if (start.Answer is not null) return start.Answer;
        var local = start.Local;

        // Also when the file is absent here: the tombstone keeps the delete's version, so the name's history stays known.
        await store.CommitRemoteDeleteAsync(fileSystem, name, ConflictKeeper.WithoutMark(request.Metadata), ct).ConfigureAwait(false);
        await judge.Keeper.ForgetAsync(fileSystem, name, ct).ConfigureAwait(false);
        var etag = (await store.GetEntryAsync(fileSystem, name, ct).ConfigureAwait(false))?.Etag;
        var message = local is { Deleted: false } ? null : $"The destination did not have {name}; its delete was recorded";
        return await FinishAsync(fileSystem, source, request.SourceFileEtag, SynchronizationType.Delete,
            new IncomingResult(name, IncomingDecision.Applied, etag is { } e ? Etags.Format(e) : null, message), ct).ConfigureAwait(false);
    }

    public async Task<IncomingResult> ApplyRenameAsync(string fileSystem, SourceInfo source, IncomingRenameRequest request, CancellationToken ct)
    {
        var name = IncomingSynchronization.ValidName(request.FileName);
        var newName = IncomingSynchronization.ValidName(request.NewName);
        var incoming = IncomingJudge.ReadIncoming(newName, request.Metadata, source);
        var settings = await IncomingSettings.ReadAsync(store, fileSystem, ct).ConfigureAwait(false);
        using var lease = locks.TryAcquire(fileSystem, name, source.ServerUrl, settings.LockTimeout, SynchronizationType.Rename, request.SourceFileEtag);
        if (lease is null) return Locked(fileSystem, name, request.SourceFileEtag, SynchronizationType.Rename);
        using var newLease = locks.TryAcquire(fileSystem, newName, source.ServerUrl, settings.LockTimeout, SynchronizationType.Rename, request.SourceFileEtag);
        if (newLease is null) return Locked(fileSystem, newName, request.SourceFileEtag, SynchronizationType.Rename);
        using var activity = Announce(fileSystem, name, source, SynchronizationType.Rename, lease);

        var target = await store.GetEntryAsync(fileSystem, newName, ct).ConfigureAwait(false);
        if (target is { Deleted: false, Version: { } targetVersion } && targetVersion.Version == incoming.Version.Version
            && targetVersion.ServerId == incoming.Version.ServerId)
            return await FinishAsync(fileSystem, source, request.SourceFileEtag, SynchronizationType.Rename,
                new IncomingResult(newName, IncomingDecision.AlreadyHas, Etags.Format(target.Etag), IncomingMessages.AlreadyHas(newName)), ct).ConfigureAwait(false);

        var (verdict, local) = await judge.DecideAsync(fileSystem, name, incoming, settings, holdsLock: true, ct).ConfigureAwait(false);
        if (local is not { Deleted: false })
            // Nothing to move here: the renamed file reaches this destination as a content update of its new name.
            return await FinishAsync(fileSystem, source, request.SourceFileEtag, SynchronizationType.Rename,
                new IncomingResult(name, IncomingDecision.AlreadyHas, null, $"The destination has no file {name} to rename; {newName} arrives with its content"), ct)
                .ConfigureAwait(false);
        var settled = verdict.Reason == DecisionReason.SameVersion ? null
            : await judge.SettleAsync(fileSystem, name, verdict, local, incoming, ct).ConfigureAwait(false);
        if (settled is not null) return await FinishAsync(fileSystem, source, request.SourceFileEtag, SynchronizationType.Rename, settled, ct).ConfigureAwait(false);

        var renamed = await store.RenameFileAsync(fileSystem, name, newName, ct).ConfigureAwait(false);
        return await FinishAsync(fileSystem, source, request.SourceFileEtag, SynchronizationType.Rename,
            IncomingResult.Applied(newName, Etags.Format(renamed.Etag)), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The start a metadata update and a delete share: take the file's lock, decide, and settle the outcomes that
    /// commit nothing. A non-null <c>Answer</c> ends the change; the caller disposes <c>Lease</c> when it is done.
    /// </summary>
    private async Task<(FileLockLease? Lease, FileChange? Local, IncomingResult? Answer)> LockAndDecideAsync(string fileSystem,
        SourceInfo source, string name, IReadOnlyDictionary<string, string>? metadata, SynchronizationType type, string? sourceFileEtag,
        CancellationToken ct)
    {
        var incoming = IncomingJudge.ReadIncoming(name, metadata, source);
        var settings = await IncomingSettings.ReadAsync(store, fileSystem, ct).ConfigureAwait(false);
        var lease = locks.TryAcquire(fileSystem, name, source.ServerUrl, settings.LockTimeout, type, sourceFileEtag);
        if (lease is null) return (null, null, Locked(fileSystem, name, sourceFileEtag, type));
        try
        {
            var (verdict, local) = await judge.DecideAsync(fileSystem, name, incoming, settings, holdsLock: true, ct).ConfigureAwait(false);
            var settled = await judge.SettleAsync(fileSystem, name, verdict, local, incoming, ct).ConfigureAwait(false);
            var answer = settled is null ? null : await FinishAsync(fileSystem, source, sourceFileEtag, type, settled, ct).ConfigureAwait(false);
            return (lease, local, answer);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Start now, Finish when disposed; nothing for a change that could not take the file's lock (it did not start).</summary>
    private IDisposable? Announce(string fileSystem, string name, SourceInfo source, SynchronizationType type, FileLockLease? lease) =>
        lease is null ? null : publisher.Incoming(fileSystem, name, source.FileSystemUrl, type);

    private async Task<IncomingResult> FinishAsync(string fileSystem, SourceInfo source, string? sourceFileEtag, SynchronizationType type,
        IncomingResult result, CancellationToken ct)
    {
        if (result.Decision != IncomingDecision.Locked)
            await progress.RecordAsync(fileSystem, source.ServerId, source.ServerUrl, sourceFileEtag, ct).ConfigureAwait(false);
        Record(fileSystem, sourceFileEtag, type, result);
        return result;
    }

    private IncomingResult Locked(string fileSystem, string name, string? sourceFileEtag, SynchronizationType type) =>
        Retry(fileSystem, name, sourceFileEtag, type, IncomingMessages.Locked(name));

    /// <summary>A change that cannot be applied now but may later (answered as <see cref="IncomingDecision.Locked"/>: the source retries).</summary>
    private IncomingResult Retry(string fileSystem, string name, string? sourceFileEtag, SynchronizationType type, string message)
    {
        var result = new IncomingResult(name, IncomingDecision.Locked, null, message);
        Record(fileSystem, sourceFileEtag, type, result);
        return result;
    }

    private void Record(string fileSystem, string? sourceFileEtag, SynchronizationType type, IncomingResult result)
    {
        var exception = result.Decision is IncomingDecision.Applied or IncomingDecision.AlreadyHas
            ? null
            : ReportedException.Synchronization(result.Message ?? result.Decision.ToString());
        status.Record(fileSystem, SynchronizationReport.NoContent(result.FileName, sourceFileEtag, type, exception));
    }
}
