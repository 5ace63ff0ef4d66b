using FileSync.Storage.Chunking;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Notifications;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The destination side of synchronization for one node: everything the <c>incoming/*</c> routes of
/// docs/sync-protocol.md and the public <c>LastSynchronization</c>, <c>Incoming</c>, <c>Status</c> and
/// <c>Conflicts</c> / <c>ResolveConflict(s)</c> routes do. HTTP-free, so it is tested against a real
/// storage directly; the server's endpoints only translate requests and answers. Thread-safe; one per node.
/// </summary>
public sealed class IncomingSynchronization
{
    private readonly NodeFileSystems _store;
    private readonly IncomingJudge _judge;
    private readonly DeltaApplier _applier;
    private readonly SynchronizationPublisher _publisher;

    /// <param name="publisher">Announces incoming Start/Finish and conflicts to notification subscribers; none when null.</param>
    public IncomingSynchronization(NodeFileSystems store, FileLockRegistry? locks = null, SynchronizationPublisher? publisher = null)
    {
        _store = store;
        _publisher = publisher ?? SynchronizationPublisher.None;
        Locks = locks ?? new FileLockRegistry();
        Conflicts = new ConflictStore(store, _publisher);
        Progress = new SourceProgressStore(store);
        Status = new IncomingStatusBoard();
        _judge = new IncomingJudge(store, Locks, Conflicts);
        _applier = new DeltaApplier(store, Locks, _judge, Progress, Status, _publisher);
    }

    public FileLockRegistry Locks { get; }
    public ConflictStore Conflicts { get; }
    public SourceProgressStore Progress { get; }
    public IncomingStatusBoard Status { get; }

    /// <summary><c>incoming/check</c>: the decision for each file, in request order (conflicts found here are recorded here).</summary>
    public async Task<IncomingCheckAnswer> CheckAsync(string fileSystem, SourceInfo source, IncomingCheckRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Files is null) throw new InvalidDataException("A check lists its files: {\"Files\":[{\"FileName\",\"Type\",\"Metadata\"}]}.");
        var settings = await IncomingSettings.ReadAsync(_store, fileSystem, ct).ConfigureAwait(false);
        var answers = new List<IncomingCheckResult>(request.Files.Count);
        foreach (var file in request.Files)
        {
            var name = ValidName(file.FileName);
            var incoming = IncomingJudge.ReadIncoming(name, file.Metadata, source);
            var (verdict, local) = await _judge.DecideAsync(fileSystem, name, incoming, settings, holdsLock: false, ct).ConfigureAwait(false);
            var settled = await _judge.SettleAsync(fileSystem, name, verdict, local, incoming, ct).ConfigureAwait(false);
            if (settled is { Decision: not IncomingDecision.Locked })
                await Progress.RecordAsync(fileSystem, source.ServerId, source.ServerUrl, file.SourceFileEtag, ct).ConfigureAwait(false);
            answers.Add(new IncomingCheckResult(name, settled?.Decision ?? IncomingDecision.Proceed, await CurrentAsync(fileSystem, name, ct).ConfigureAwait(false), settled?.Message));
        }
        return new IncomingCheckAnswer(answers);
    }

    /// <summary><c>incoming/missing</c>: which of these chunk hashes this node does not store.</summary>
    public Task<IReadOnlyList<ChunkHash>> GetMissingChunksAsync(IReadOnlyList<ChunkHash> hashes, CancellationToken ct = default) =>
        _store.Chunks.GetMissingChunksAsync(hashes, ct);

    /// <summary><c>incoming/content</c>: applies a delta stream; an <see cref="InvalidDataException"/> for a malformed or inconsistent one.</summary>
    public Task<IncomingContentAnswer> ApplyContentAsync(string fileSystem, SourceInfo source, Stream delta, CancellationToken ct = default) =>
        _applier.ApplyAsync(fileSystem, source, delta, ct);

    /// <summary><c>incoming/metadata</c>: a new version whose content the destination already holds.</summary>
    public Task<IncomingResult> ApplyMetadataAsync(string fileSystem, SourceInfo source, IncomingMetadataRequest request, CancellationToken ct = default) =>
        new SimpleChanges(_store, Locks, _judge, Progress, Status, _publisher).ApplyMetadataAsync(fileSystem, source, request, ct);

    /// <summary><c>incoming/delete</c>: deleting a file this destination lacks is not an error (<see cref="IncomingDecision.Applied"/>).</summary>
    public Task<IncomingResult> ApplyDeleteAsync(string fileSystem, SourceInfo source, IncomingDeleteRequest request, CancellationToken ct = default) =>
        new SimpleChanges(_store, Locks, _judge, Progress, Status, _publisher).ApplyDeleteAsync(fileSystem, source, request, ct);

    /// <summary><c>incoming/rename</c>: moves the destination's file to the new name (no content moves).</summary>
    public Task<IncomingResult> ApplyRenameAsync(string fileSystem, SourceInfo source, IncomingRenameRequest request, CancellationToken ct = default) =>
        new SimpleChanges(_store, Locks, _judge, Progress, Status, _publisher).ApplyRenameAsync(fileSystem, source, request, ct);

    /// <summary><c>GET LastSynchronization?from=</c>.</summary>
    public async Task<LastSynchronizationInfo> GetLastSynchronizationAsync(string fileSystem, Guid sourceServerId, CancellationToken ct = default)
    {
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        return await Progress.GetAsync(fileSystem, sourceServerId, _store.ServerId, ct).ConfigureAwait(false);
    }

    /// <summary><c>GET Incoming</c>: the files being received right now.</summary>
    public ListPage<SynchronizationDetails> ListIncoming(string fileSystem, int start, int pageSize) =>
        ListPage<SynchronizationDetails>.Of(
            Locks.List(fileSystem).Select(l => new SynchronizationDetails(l.Name, l.SourceFileEtag, l.SourceServerUrl, l.Type)).ToList(),
            start, pageSize);

    /// <summary><c>GET Status?fileName=</c>: the last result received for that file, or null.</summary>
    public SynchronizationReport? GetStatus(string fileSystem, string fileName) => Status.Find(fileSystem, ValidName(fileName));

    /// <summary><c>GET Conflicts</c>.</summary>
    public async Task<ListPage<ConflictItem>> ListConflictsAsync(string fileSystem, int start, int pageSize, CancellationToken ct = default)
    {
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        return ListPage<ConflictItem>.Of(await Conflicts.ListAsync(fileSystem, ct).ConfigureAwait(false), start, pageSize);
    }

    /// <summary><c>PATCH ResolveConflict/{fileName}</c>; <see cref="ConflictNotFoundException"/> when the file has no conflict.</summary>
    public async Task ResolveConflictAsync(string fileSystem, string fileName, ConflictResolutionStrategy strategy, CancellationToken ct = default)
    {
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        var name = ValidName(fileName);
        var conflict = await Conflicts.FindAsync(fileSystem, name, ct).ConfigureAwait(false)
            ?? throw new ConflictNotFoundException(fileSystem, name);
        var local = await _store.GetEntryAsync(fileSystem, name, ct).ConfigureAwait(false);
        if (strategy == ConflictResolutionStrategy.RemoteVersion || local?.Version is null)
        {
            // The next push of this file from the conflicting server is applied (decision rule 6).
            await Conflicts.PutAsync(fileSystem, conflict with { ResolveUsingRemote = true }, ct).ConfigureAwait(false);
            return;
        }
        await _judge.Keeper.KeepLocalAsync(fileSystem, local, conflict.RemoteHistory, ct).ConfigureAwait(false);
    }

    /// <summary><c>PATCH ResolveConflicts</c>: every conflict of the file system with the same strategy.</summary>
    public async Task ResolveConflictsAsync(string fileSystem, ConflictResolutionStrategy strategy, CancellationToken ct = default)
    {
        await RequireFileSystemAsync(fileSystem, ct).ConfigureAwait(false);
        foreach (var conflict in await Conflicts.ListAsync(fileSystem, ct).ConfigureAwait(false))
        {
            try
            {
                await ResolveConflictAsync(fileSystem, conflict.FileName, strategy, ct).ConfigureAwait(false);
            }
            catch (ConflictNotFoundException)
            {
                // Resolved meanwhile by someone else: nothing left to do for it.
            }
        }
    }

    private async Task<CurrentVersionInfo?> CurrentAsync(string fileSystem, string name, CancellationToken ct)
    {
        var file = await _store.GetFileAsync(fileSystem, name, ct).ConfigureAwait(false);
        var version = file is null ? null : SynchronizationVersion.FromMetadata(file.Metadata);
        return file is null || version is null ? null : new CurrentVersionInfo(version.Version, version.ServerId, file.ContentHash, file.Size);
    }

    private async Task RequireFileSystemAsync(string fileSystem, CancellationToken ct)
    {
        if (!await _store.FileSystemExistsAsync(fileSystem, ct).ConfigureAwait(false)) throw new FileSystemNotFoundException(fileSystem);
    }

    internal static string ValidName(string? fileName) =>
        string.IsNullOrEmpty(fileName) ? throw new InvalidFileNameException("A file name is required.") : FileName.Normalize(fileName);
}
