namespace FileSync.Sync.Contracts;

/// <summary>The outcome of one file's synchronization to one destination (API.md §4, RavenFS spelling).</summary>
/// <param name="FileETag">The source file's ETag that was synchronized, RavenFS string form.</param>
/// <param name="BytesTransfered">Bytes of chunks sent as data.</param>
/// <param name="BytesCopied">Bytes the destination already had (copied from its base or referenced).</param>
/// <param name="NeedListLength">Runs of consecutive chunks that were sent as data.</param>
/// <param name="Exception">Null when the work succeeded (or there was nothing to do).</param>
public sealed record SynchronizationReport(
    string FileName,
    string? FileETag,
    long BytesTransfered,
    long BytesCopied,
    long NeedListLength,
    ReportedException? Exception,
    SynchronizationType Type)
{
    /// <summary>A report that moved no bytes, e.g. a metadata update, a rename, a delete or a failure.</summary>
    public static SynchronizationReport NoContent(string fileName, string? etag, SynchronizationType type, ReportedException? exception = null) =>
        new(fileName, etag, 0, 0, 0, exception, type);
}
