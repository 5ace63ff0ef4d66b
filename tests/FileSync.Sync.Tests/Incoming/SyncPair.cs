using System.Text;
using FileSync.Storage;
using FileSync.Storage.Chunking;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Protocol;
using FileSync.TestSupport;

namespace FileSync.Sync.Tests.Incoming;

/// <summary>
/// Two real SQLite node storages in temp directories: a source that files are written to and a destination
/// with <see cref="IncomingSynchronization"/>. <see cref="SendAsync"/> plays the source's part of the protocol
/// (check, known-base or need-list plan, delta stream) in-process, without HTTP.
/// </summary>
internal sealed class SyncPair : IAsyncDisposable
{
    public const string Fs = "NorthwindFS";
    private readonly TempDirectory _sourceDir;
    private readonly TempDirectory _destinationDir;

    private SyncPair(NodeStorage source, NodeStorage destination, TempDirectory sourceDir, TempDirectory destinationDir)
    {
        _sourceDir = sourceDir;
        _destinationDir = destinationDir;
        Source = source;
        Destination = destination;
        Incoming = new IncomingSynchronization(destination.Store);
        SourceInfo = new SourceInfo(source.ServerId, "http://localhost:8080", Fs);
    }

    public NodeStorage Source { get; }
    public NodeStorage Destination { get; }
    public IncomingSynchronization Incoming { get; }
    public SourceInfo SourceInfo { get; }

    /// <param name="destinationSettings">The destination's storage settings from its directory; default <see cref="Settings"/>.</param>
    public static async Task<SyncPair> OpenAsync(Func<string, StorageSettings>? destinationSettings = null)
    {
        var sourceDir = new TempDirectory("dst-src");
        var destinationDir = new TempDirectory("dst-dst");
        var source = await NodeStorage.OpenAsync(Settings(sourceDir.Path));
        var destination = await NodeStorage.OpenAsync((destinationSettings ?? Settings)(destinationDir.Path));
        await source.FileSystems.CreateFileSystemAsync(Fs);
        await destination.FileSystems.CreateFileSystemAsync(Fs);
        return new SyncPair(source, destination, sourceDir, destinationDir);
    }

    /// <summary>Small chunks so a few KiB of test data make many chunks.</summary>
    public static StorageSettings Settings(string dir) => new(dir, MinChunk: 256, AvgChunk: 1024, MaxChunk: 8192);

    public Task<StoredFile> PutSourceAsync(string name, byte[] content, Dictionary<string, string>? metadata = null) =>
        Source.FileSystems.PutFileAsync(Fs, name, new MemoryStream(content), metadata ?? []);

    public Task<StoredFile> PutDestinationAsync(string name, byte[] content) =>
        Destination.FileSystems.PutFileAsync(Fs, name, new MemoryStream(content), new Dictionary<string, string>());

    public async Task<byte[]?> ReadDestinationAsync(string name)
    {
        var file = await Destination.FileSystems.GetFileAsync(Fs, name);
        if (file is null) return null;
        await using var stream = Destination.FileSystems.OpenRead(file);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>The delta stream the source would send for its current version of <paramref name="name"/>, and the plan's figures.</summary>
    public async Task<(byte[] Stream, DeltaPlan Plan)> BuildDeltaAsync(string name, Func<DeltaFileHeader, DeltaFileHeader>? tamper = null)
    {
        using var body = new MemoryStream();
        var writer = new DeltaWriter(body);
        var plan = await WriteFileAsync(writer, name, tamper);
        await writer.CompleteAsync();
        return (body.ToArray(), plan);
    }

    /// <summary>One delta stream with several files.</summary>
    public async Task<byte[]> BuildDeltaAsync(IEnumerable<string> names)
    {
        using var body = new MemoryStream();
        var writer = new DeltaWriter(body);
        foreach (var name in names) await WriteFileAsync(writer, name, null);
        await writer.CompleteAsync();
        return body.ToArray();
    }

    private async Task<DeltaPlan> WriteFileAsync(DeltaWriter writer, string name, Func<DeltaFileHeader, DeltaFileHeader>? tamper)
    {
        var file = (await Source.FileSystems.GetFileAsync(Fs, name))!;
        var target = await Source.Store.GetChunkListAsync(file);
        var plain = new DeltaFileHeader(name, Etags.Format(file.Etag), file.Size, file.ContentHash, file.Metadata, null);
        var header = tamper?.Invoke(plain) ?? plain;
        // The check carries the same metadata as the stream, as a real source's would.
        var check = await Incoming.CheckAsync(Fs, SourceInfo,
            new IncomingCheckRequest([new IncomingCheckFile(name, SynchronizationType.ContentUpdate, header.Metadata, Etags.Format(file.Etag))]));
        var current = check.Files[0].Current;
        IReadOnlyList<ChunkRef>? baseChunks = current is null
            ? null
            : await Source.Store.GetRetainedChunkListAsync(Fs, name, new HistoryItem(current.Version, current.ServerId));
        DeltaPlan plan;
        BaseVersion? baseVersion = null;
        if (baseChunks is not null)
        {
            plan = DeltaPlan.FromKnownBase(target, baseChunks);
            baseVersion = new BaseVersion(current!.Version, current.ServerId);
        }
        else
        {
            var missing = await Incoming.GetMissingChunksAsync(target.Select(c => c.Hash).Distinct().ToList());
            plan = DeltaPlan.FromMissing(target, missing.ToHashSet());
        }
        await writer.BeginFileAsync(header with { Base = baseVersion });
        foreach (var step in plan.Steps)
        {
            switch (step)
            {
                case CopyStep copy: await writer.CopyRunAsync(copy.BaseIndex, copy.Count); break;
                case ReferenceStep reference: await writer.ReferenceAsync(reference.Chunk.Hash, reference.Chunk.Length); break;
                case SendStep send: await writer.ChunkAsync(send.Chunk.Hash, (await Source.Chunks.ReadChunkAsync(send.Chunk.Hash))!); break;
            }
        }
        await writer.EndFileAsync();
        return plan;
    }

    /// <summary>Builds and applies the delta of one file; returns the destination's answer for it.</summary>
    public async Task<(IncomingResult Result, DeltaPlan Plan)> SendAsync(string name)
    {
        var (stream, plan) = await BuildDeltaAsync(name);
        var answer = await Incoming.ApplyContentAsync(Fs, SourceInfo, new MemoryStream(stream));
        return (Assert.Single(answer.Files), plan);
    }

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Destination.DisposeAsync();
        _sourceDir.Dispose();
        _destinationDir.Dispose();
    }
}
