using FileSync.Storage.Chunking;

namespace FileSync.Sync.Protocol;

/// <summary>A version of a file on some server, as carried in Raven-Synchronization-Version / -Source.</summary>
public sealed record BaseVersion(long Version, Guid ServerId);

/// <summary>What a delta stream says about one file before its chunk entries.</summary>
/// <param name="SourceFileEtag">The file's ETag on the source, RavenFS string form.</param>
/// <param name="ContentHash">Hex BLAKE3 of the whole new content; the destination verifies it before committing.</param>
/// <param name="Metadata">The source's metadata, including the Raven-Synchronization-* keys of the new version.</param>
/// <param name="Base">The destination version that <see cref="CopyRun"/> entries index into; null when there are none.</param>
public sealed record DeltaFileHeader(
    string FileName,
    string SourceFileEtag,
    long Size,
    string ContentHash,
    IReadOnlyDictionary<string, string> Metadata,
    BaseVersion? Base);

/// <summary>One frame of a delta stream (see docs/sync-protocol.md).</summary>
public abstract record DeltaFrame;

/// <summary>Starts a file; the frames up to <see cref="FileEnd"/> list its chunks in order.</summary>
public sealed record FileStart(DeltaFileHeader Header) : DeltaFrame;

/// <summary>Chunks [BaseIndex, BaseIndex + Count) of the base version's chunk list, which the destination already holds.</summary>
public sealed record CopyRun(int BaseIndex, int Count) : DeltaFrame;

/// <summary>A chunk the destination stores already (it said so when asked), named by hash.</summary>
public sealed record ChunkReference(ChunkHash Hash, int Length) : DeltaFrame;

/// <summary>A chunk's bytes. <see cref="Data"/> is only valid until the reader's next read.</summary>
public sealed record ChunkBytes(ChunkHash Hash, ReadOnlyMemory<byte> Data) : DeltaFrame;

/// <summary>Ends the current file.</summary>
public sealed record FileEnd : DeltaFrame
{
    public static readonly FileEnd Instance = new();
}
