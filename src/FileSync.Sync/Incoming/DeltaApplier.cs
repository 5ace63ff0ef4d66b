using FileSync.Storage.Chunking.Blake3;
using FileSync.Storage.Chunking;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Notifications;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Incoming;

/// <summary>
/// Applies one <c>incoming/content</c> delta stream (one or many files) to a file system. Per file: decide
/// under the file's lock; build the new chunk list from copy runs of the base version, references to chunks
/// the store holds and verified data chunks (stored in batches); at the file's end check its size and, when
/// every byte arrived as data, its content hash; decide again; commit with the source's metadata. A file that
/// fails any check, or a stream that breaks, commits nothing for that file.
/// </summary>
internal sealed class DeltaApplier(NodeFileSystems store, FileLockRegistry locks, IncomingJudge judge, SourceProgressStore progress,
    IncomingStatusBoard status, SynchronizationPublisher publisher)
{
    public async Task<IncomingContentAnswer> ApplyAsync(string fileSystem, SourceInfo source, Stream delta, CancellationToken ct)
    {
        var settings = await IncomingSettings.ReadAsync(store, fileSystem, ct).ConfigureAwait(false);
        var reader = new DeltaReader(delta);
        var buffer = new ReceivedChunkBuffer(store.Chunks);
        var results = new List<IncomingResult>();
        string? highestEtag = null;
        long highest = -1;
        try
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false) is { } frame)
            {
                if (frame is not FileStart start) throw new InvalidDataException($"Expected a file start, found {frame.GetType().Name}.");
                var result = await ApplyFileAsync(fileSystem, source, start.Header, reader, buffer, settings, ct).ConfigureAwait(false);
                results.Add(result);
                if (Etags.TryParse(start.Header.SourceFileEtag, out var etag) && etag > highest
                    && result.Decision is IncomingDecision.Applied or IncomingDecision.AlreadyHas or IncomingDecision.HadInPast or IncomingDecision.Conflict)
                    (highest, highestEtag) = (etag, start.Header.SourceFileEtag);
            }
        }
        finally
        {
            // Progress covers the files that were settled, even when a later one broke the stream.
            if (highestEtag is not null)
                await progress.RecordAsync(fileSystem, source.ServerId, source.ServerUrl, highestEtag, CancellationToken.None).ConfigureAwait(false);
        }
        return new IncomingContentAnswer(results);
    }

    private async Task<IncomingResult> ApplyFileAsync(string fileSystem, SourceInfo source, DeltaFileHeader header, DeltaReader reader,
        ReceivedChunkBuffer buffer, IncomingSettings settings, CancellationToken ct)
    {
        string name;
        try
        {
            name = FileName.Normalize(header.FileName);
        }
        catch (InvalidFileNameException e)
        {
            throw new InvalidDataException($"The delta stream names an invalid file: {e.Message}", e);
        }
        if (header.Size < 0) throw new InvalidDataException($"File {name}: a size of {header.Size} bytes is invalid.");
        var incoming = IncomingJudge.ReadIncoming(name, header.Metadata, source);

        using var lease = locks.TryAcquire(fileSystem, name, source.ServerUrl, settings.LockTimeout, SynchronizationType.ContentUpdate, header.SourceFileEtag);
        if (lease is null)
        {
            await SkipFileAsync(reader, ct).ConfigureAwait(false);
            return Report(fileSystem, header, new IncomingResult(name, IncomingDecision.Locked, null, IncomingMessages.Locked(name)), null);
        }
        using var activity = publisher.Incoming(fileSystem, name, source.FileSystemUrl, SynchronizationType.ContentUpdate);
        var (verdict, local) = await judge.DecideAsync(fileSystem, name, incoming, settings, holdsLock: true, ct).ConfigureAwait(false);
        if (!verdict.Proceeds)
        {
            await SkipFileAsync(reader, ct).ConfigureAwait(false);
            var settled = await judge.SettleAsync(fileSystem, name, verdict, local, incoming, ct).ConfigureAwait(false);
            return Report(fileSystem, header, settled!, null);
        }

        var assembly = new FileAssembly(header);
        try
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false) is { } frame and not FileEnd)
            {
                switch (frame)
                {
                    case CopyRun copy:
                        var baseChunks = await assembly.BaseChunksAsync(() => LoadBaseAsync(fileSystem, name, header.Base, local), ct).ConfigureAwait(false);
                        if (baseChunks is null)
                        {
                            await SkipFileAsync(reader, ct).ConfigureAwait(false);
                            buffer.Discard();
                            return Report(fileSystem, header, new IncomingResult(name, IncomingDecision.Locked, null, IncomingMessages.BaseChanged(name)), null);
                        }
                        assembly.Copy(copy, baseChunks);
                        break;
                    case ChunkReference reference:
                        assembly.Reference(reference);
                        break;
                    case ChunkBytes data:
                        // The chunk store checks every chunk against its hash when the batch is stored.
                        await buffer.AddAsync(data.Hash, data.Data, ct).ConfigureAwait(false);
                        assembly.Data(data);
                        break;
                    default:
                        throw new InvalidDataException($"File {name}: unexpected {frame.GetType().Name} inside a file.");
                }
            }
            assembly.Verify(name);
            await buffer.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("File ", StringComparison.Ordinal))
        {
            buffer.Discard();
            throw new InvalidDataException($"File {name}: {e.Message} Nothing was committed.", e);
        }
        catch
        {
            buffer.Discard();
            throw;
        }

        // Decide again right before committing: the lock kept other sources out, but the file may have been written locally meanwhile.
        var (again, current) = await judge.DecideAsync(fileSystem, name, incoming, settings, holdsLock: true, ct).ConfigureAwait(false);
        if (!again.Proceeds || (assembly.UsedBase && current?.Version is { } v && header.Base is { } b && (v.Version != b.Version || v.ServerId != b.ServerId)))
        {
            var settled = again.Proceeds
                ? new IncomingResult(name, IncomingDecision.Locked, null, IncomingMessages.BaseChanged(name))
                : await judge.SettleAsync(fileSystem, name, again, current, incoming, ct).ConfigureAwait(false);
            return Report(fileSystem, header, settled!, null);
        }
        StoredFile committed;
        try
        {
            committed = await store.CommitRemoteVersionAsync(fileSystem, name, assembly.Chunks, header.ContentHash,
                ConflictKeeper.WithoutMark(header.Metadata), assembly.BaseHashes, ct).ConfigureAwait(false);
        }
        catch (FileSync.Storage.Content.MissingChunksException e)
        {
            throw new InvalidDataException($"File {name}: {e.Message}", e);
        }
        await judge.Keeper.ForgetAsync(fileSystem, name, ct).ConfigureAwait(false);
        return Report(fileSystem, header, IncomingResult.Applied(name, Etags.Format(committed.Etag)), assembly);
    }

    private async Task<IReadOnlyList<ChunkRef>?> LoadBaseAsync(string fileSystem, string name, BaseVersion? wanted, FileChange? local)
    {
        if (wanted is null) throw new InvalidDataException($"File {name}: a copy run needs the header's Base version.");
        if (local is not { Deleted: false, Version: { } version } || version.Version != wanted.Version || version.ServerId != wanted.ServerId)
            return null;
        var current = await store.GetFileAsync(fileSystem, name).ConfigureAwait(false);
        if (current is null || current.Etag != local.Etag) return null;
        return await store.GetChunkListAsync(current).ConfigureAwait(false);
    }

    private IncomingResult Report(string fileSystem, DeltaFileHeader header, IncomingResult result, FileAssembly? assembly)
    {
        var exception = result.Decision is IncomingDecision.Applied or IncomingDecision.AlreadyHas
            ? null
            : ReportedException.Synchronization(result.Message ?? result.Decision.ToString());
        status.Record(fileSystem, new SynchronizationReport(result.FileName, header.SourceFileEtag,
            assembly?.BytesReceived ?? 0, assembly?.BytesCopied ?? 0, assembly?.DataRuns ?? 0, exception, SynchronizationType.ContentUpdate));
        return result;
    }

    private static async Task SkipFileAsync(DeltaReader reader, CancellationToken ct)
    {
        while (await reader.ReadAsync(ct).ConfigureAwait(false) is { } frame and not FileEnd)
        {
            // The file was settled without its content; its frames are read only to reach the next file.
        }
    }

    /// <summary>The chunk list of one incoming file as its frames arrive, with the transfer figures.</summary>
    private sealed class FileAssembly(DeltaFileHeader header)
    {
        private readonly List<ChunkRef> _chunks = [];
        private readonly Blake3Incremental _hash = new();
        private IReadOnlyList<ChunkRef>? _base;
        private bool _allData = true;
        private bool _lastWasData;
        private long _size;

        public IReadOnlyList<ChunkRef> Chunks => _chunks;
        public bool UsedBase => _base is not null;

        /// <summary>The base version's chunk hashes: stored for sure (the current version lists them, and the file is locked).</summary>
        public IReadOnlySet<ChunkHash>? BaseHashes => _base?.Select(c => c.Hash).ToHashSet();
        public long BytesReceived { get; private set; }
        public long BytesCopied { get; private set; }
        public int DataRuns { get; private set; }

        public async Task<IReadOnlyList<ChunkRef>?> BaseChunksAsync(Func<Task<IReadOnlyList<ChunkRef>?>> load, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            return _base ??= await load().ConfigureAwait(false);
        }

        public void Copy(CopyRun run, IReadOnlyList<ChunkRef> baseChunks)
        {
            if ((long)run.BaseIndex + run.Count > baseChunks.Count)
                throw new InvalidDataException(
                    $"File {header.FileName}: a copy run of chunks [{run.BaseIndex}, {run.BaseIndex + run.Count}) exceeds the base version's {baseChunks.Count} chunks.");
            for (var i = run.BaseIndex; i < run.BaseIndex + run.Count; i++) Append(baseChunks[i].Hash, baseChunks[i].Length, data: false);
        }

        public void Reference(ChunkReference reference) => Append(reference.Hash, reference.Length, data: false);

        public void Data(ChunkBytes data)
        {
            if (_allData) _hash.Append(data.Data.Span);
            Append(data.Hash, data.Data.Length, data: true);
        }

        /// <summary>Size must match; the whole-content hash is checked when every byte arrived here (no stored byte is re-read).</summary>
        public void Verify(string name)
        {
            if (_size != header.Size)
                throw new InvalidDataException($"File {name}: the chunks add up to {_size} bytes, not the announced {header.Size}; nothing was committed.");
            if (!_allData) return;
            var actual = _hash.FinishHex();
            if (!string.Equals(actual, header.ContentHash, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"File {name}: the content hashes to {actual}, not to the announced {header.ContentHash}; nothing was committed.");
        }

        private void Append(ChunkHash hash, int length, bool data)
        {
            _chunks.Add(new ChunkRef(hash, _size, length));
            _size += length;
            if (data)
            {
                BytesReceived += length;
                if (!_lastWasData) DataRuns++;
            }
            else
            {
                _allData = false;
                BytesCopied += length;
            }
            _lastWasData = data;
        }
    }
}
