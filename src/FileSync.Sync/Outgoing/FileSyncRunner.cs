using FileSync.Storage.Chunking;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// Runs one run (a work, or a batch of small content works) against the destination: one <c>incoming/check</c>
/// for all of them, the work type decided per file, metadata/rename/delete sent one by one, and every content
/// update of the run in ONE streamed <c>incoming/content</c> request. Never throws for a work: a failure
/// becomes that work's report exception and a retry.
/// </summary>
public sealed class FileSyncRunner(NodeFileSystems store, IDestinationClient destination, string fileSystem)
{
    private const int WriteBufferBytes = 64 * 1024;

    public async Task<IReadOnlyList<WorkOutcome>> RunAsync(IReadOnlyList<SynchronizationWork> works, CancellationToken ct)
    {
        var outcomes = new WorkOutcome?[works.Count];
        try
        {
            await RunCoreAsync(works, outcomes, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Whatever was not settled fails as a whole and is retried; settled works keep their outcome.
            for (var i = 0; i < works.Count; i++) outcomes[i] ??= Failed(works[i], works[i].Type, e);
        }
        return outcomes.Select((o, i) => o ?? Failed(works[i], works[i].Type, new InvalidOperationException("The work ended without an outcome."))).ToList();
    }

    private async Task RunCoreAsync(IReadOnlyList<SynchronizationWork> works, WorkOutcome?[] outcomes, CancellationToken ct)
    {
        var locals = new FileChange?[works.Count];
        var toCheck = new List<int>();
        for (var i = 0; i < works.Count; i++)
        {
            var local = WithLastModified(await store.GetEntryAsync(fileSystem, works[i].FileName, ct).ConfigureAwait(false));
            locals[i] = local;
            var early = WorkTypeDecision.Decide(local, works[i], remote: null);
            // Gone or superseded locally, or conflicted here: nothing to send, and no report (a newer work covers it).
            if (early.Type is null) outcomes[i] = new WorkOutcome(works[i], null, Retry: false);
            else toCheck.Add(i);
        }
        if (toCheck.Count == 0) return;

        var checks = await destination.CheckAsync(
            toCheck.Select(i => new IncomingCheckFile(works[i].FileName, works[i].Type, locals[i]!.Metadata, works[i].FileETag)).ToList(), ct).ConfigureAwait(false);
        var byName = checks.GroupBy(c => c.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var content = new List<(int Index, DeltaFileHeader Header, DeltaPlan Plan)>();
        foreach (var i in toCheck)
        {
            var work = works[i];
            var local = locals[i]!;
            if (!byName.TryGetValue(work.FileName, out var check))
            {
                outcomes[i] = Failed(work, work.Type, new DestinationException($"The destination's check answer does not mention '{work.FileName}'."));
                continue;
            }
            // A rename keeps the file's version, so the destination holding "this version" under the old name is expected.
            var decided = work.Type == SynchronizationType.Rename && check.Decision == IncomingDecision.AlreadyHas ? IncomingDecision.Proceed : check.Decision;
            if (Settled(work, work.Type, decided, check.Message) is { } settled)
            {
                outcomes[i] = settled;
                continue;
            }
            var decision = WorkTypeDecision.Decide(local, work, check.Current);
            try
            {
                switch (decision.Type)
                {
                    case null:
                        // The destination already holds this version: nothing was done, so nothing is reported.
                        outcomes[i] = new WorkOutcome(work, null, Retry: false);
                        break;
                    case SynchronizationType.Delete:
                        outcomes[i] = FromResult(work, SynchronizationType.Delete,
                            await destination.DeleteAsync(new IncomingDeleteRequest(work.FileName, local.Metadata, work.FileETag), ct).ConfigureAwait(false));
                        break;
                    case SynchronizationType.Rename:
                        var renamed = WithLastModified(await store.GetEntryAsync(fileSystem, work.NewName!, ct).ConfigureAwait(false));
                        outcomes[i] = FromResult(work, SynchronizationType.Rename,
                            await destination.RenameAsync(new IncomingRenameRequest(work.FileName, work.NewName!, renamed?.Metadata ?? local.Metadata, work.FileETag), ct).ConfigureAwait(false));
                        break;
                    case SynchronizationType.MetadataUpdate:
                        outcomes[i] = FromResult(work, SynchronizationType.MetadataUpdate,
                            await destination.UpdateMetadataAsync(new IncomingMetadataRequest(work.FileName, local.Metadata, work.FileETag), ct).ConfigureAwait(false));
                        break;
                    default:
                        var plan = await PlanAsync(local, check.Current, ct).ConfigureAwait(false);
                        content.Add((i, plan.Header, plan.Plan));
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                outcomes[i] = Failed(work, decision.Type ?? work.Type, e);
            }
        }
        if (content.Count > 0) await SendContentAsync(works, outcomes, content, ct).ConfigureAwait(false);
    }

    private async Task SendContentAsync(IReadOnlyList<SynchronizationWork> works, WorkOutcome?[] outcomes,
        List<(int Index, DeltaFileHeader Header, DeltaPlan Plan)> content, CancellationToken ct)
    {
        IReadOnlyList<IncomingResult> results;
        try
        {
            results = await destination.SendContentAsync((stream, token) => WriteDeltaAsync(stream, content, token), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            foreach (var (index, _, _) in content) outcomes[index] = Failed(works[index], SynchronizationType.ContentUpdate, e);
            return;
        }
        var byName = results.GroupBy(r => r.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var (index, header, plan) in content)
        {
            var work = works[index];
            if (!byName.TryGetValue(header.FileName, out var result))
            {
                outcomes[index] = Failed(work, SynchronizationType.ContentUpdate,
                    new DestinationException($"The destination's content answer does not mention '{header.FileName}'."));
                continue;
            }
            outcomes[index] = Settled(work, SynchronizationType.ContentUpdate, result.Decision, result.Message)
                ?? (result.Decision == IncomingDecision.Applied
                    ? new WorkOutcome(work, new SynchronizationReport(work.FileName, work.FileETag, plan.BytesTransfered, plan.BytesCopied,
                        plan.NeedListLength, null, SynchronizationType.ContentUpdate), Retry: false)
                    : Unexpected(work, SynchronizationType.ContentUpdate, result.Decision));
        }
    }

    /// <summary>Known base when the destination's version is one this node still retains; otherwise the need list.</summary>
    private async Task<(DeltaFileHeader Header, DeltaPlan Plan)> PlanAsync(FileChange local, CurrentVersionInfo? remote, CancellationToken ct)
    {
        var target = await store.Chunks.GetChunkListAsync(local.ContentId, ct).ConfigureAwait(false);
        BaseVersion? baseVersion = null;
        DeltaPlan? plan = null;
        if (remote is not null && local.Version is { } version && version.Contains(remote.Version, remote.ServerId))
        {
            var baseChunks = await store.GetRetainedChunkListAsync(fileSystem, local.Name, new HistoryItem(remote.Version, remote.ServerId), ct).ConfigureAwait(false);
            if (baseChunks is not null)
            {
                plan = DeltaPlan.FromKnownBase(target, baseChunks);
                if (plan.Steps.OfType<CopyStep>().Any()) baseVersion = new BaseVersion(remote.Version, remote.ServerId);
            }
        }
        plan ??= DeltaPlan.FromMissing(target, await MissingAsync(target, ct).ConfigureAwait(false));
        var header = new DeltaFileHeader(local.Name, Etags.Format(local.Etag), local.Size, local.ContentHash, local.Metadata, baseVersion);
        return (header, plan);
    }

    private async Task<IReadOnlySet<ChunkHash>> MissingAsync(IReadOnlyList<ChunkRef> target, CancellationToken ct)
    {
        var missing = new HashSet<ChunkHash>();
        var distinct = target.Select(c => c.Hash).Distinct().ToList();
        foreach (var batch in distinct.Chunk(HashListCodec.MaxHashesPerRequest))
            missing.UnionWith(await destination.GetMissingAsync(batch, ct).ConfigureAwait(false));
        return missing;
    }

    /// <summary>Writes the run's delta stream; chunk bytes are read from the chunk store one at a time, in order.</summary>
    private async Task WriteDeltaAsync(Stream output, List<(int Index, DeltaFileHeader Header, DeltaPlan Plan)> content, CancellationToken ct)
    {
        // Not disposed: disposing would close the request stream, which belongs to the HTTP handler.
        var buffered = new BufferedStream(output, WriteBufferBytes);
        var writer = new DeltaWriter(buffered);
        foreach (var (_, header, plan) in content)
        {
            await writer.BeginFileAsync(header, ct).ConfigureAwait(false);
            foreach (var step in plan.Steps)
            {
                switch (step)
                {
                    case CopyStep copy:
                        await writer.CopyRunAsync(copy.BaseIndex, copy.Count, ct).ConfigureAwait(false);
                        break;
                    case ReferenceStep reference:
                        await writer.ReferenceAsync(reference.Chunk.Hash, reference.Chunk.Length, ct).ConfigureAwait(false);
                        break;
                    case SendStep send:
                        var bytes = await store.Chunks.ReadChunkAsync(send.Chunk.Hash, ct).ConfigureAwait(false)
                            ?? throw new InvalidOperationException($"Chunk {send.Chunk.Hash} of '{header.FileName}' is no longer stored here.");
                        await writer.ChunkAsync(send.Chunk.Hash, bytes, ct).ConfigureAwait(false);
                        break;
                }
            }
            await writer.EndFileAsync(ct).ConfigureAwait(false);
        }
        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The metadata sent carries the change's time as <c>Last-Modified</c> (ISO 8601) unless it has one: the
    /// destination's <c>ResolveToLatest</c> compares it with its own file's.
    /// </summary>
    private static FileChange? WithLastModified(FileChange? change)
    {
        if (change is null || change.Metadata.ContainsKey(LastModifiedKey)) return change;
        var metadata = new Dictionary<string, string>(change.Metadata, StringComparer.OrdinalIgnoreCase)
        {
            [LastModifiedKey] = change.LastModified.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        return change with { Metadata = metadata };
    }

    private const string LastModifiedKey = "Last-Modified";

    /// <summary>The decisions that end a work whatever its type; null for Proceed/Applied.</summary>
    private static WorkOutcome? Settled(SynchronizationWork work, SynchronizationType type, IncomingDecision decision, string? message) => decision switch
    {
        IncomingDecision.Proceed or IncomingDecision.Applied => null,
        IncomingDecision.AlreadyHas => new WorkOutcome(work, null, Retry: false),
        IncomingDecision.HadInPast => Done(work, type, ReportedException.Synchronization(WorkTypeDecision.HadInPast)),
        // Reported once; re-checks of a still-conflicted file stay quiet.
        IncomingDecision.Conflict => new WorkOutcome(work,
            work.AfterConflict ? null : SynchronizationReport.NoContent(work.FileName, work.FileETag, type,
                ReportedException.Synchronization(message ?? $"File {work.FileName} is conflicted")),
            Retry: false, Conflicted: true),
        IncomingDecision.Locked => new WorkOutcome(work, SynchronizationReport.NoContent(work.FileName, work.FileETag, type,
            ReportedException.Synchronization(message ?? $"File {work.FileName} is being synchronized to the destination from another source; it will be retried")), Retry: true),
        _ => Unexpected(work, type, decision),
    };

    private static WorkOutcome FromResult(SynchronizationWork work, SynchronizationType type, IncomingResult result) =>
        Settled(work, type, result.Decision, result.Message)
        ?? new WorkOutcome(work, SynchronizationReport.NoContent(work.FileName, work.FileETag, type), Retry: false);

    private static WorkOutcome Done(SynchronizationWork work, SynchronizationType type, ReportedException? exception) =>
        new(work, SynchronizationReport.NoContent(work.FileName, work.FileETag, type, exception), Retry: false);

    private static WorkOutcome Unexpected(SynchronizationWork work, SynchronizationType type, IncomingDecision decision) =>
        new(work, SynchronizationReport.NoContent(work.FileName, work.FileETag, type,
            ReportedException.Synchronization($"The destination answered '{decision}' for '{work.FileName}', which the protocol does not define here")), Retry: true);

    private static WorkOutcome Failed(SynchronizationWork work, SynchronizationType type, Exception e) =>
        new(work, SynchronizationReport.NoContent(work.FileName, work.FileETag, type, ReportedException.From(e)), Retry: true);
}
