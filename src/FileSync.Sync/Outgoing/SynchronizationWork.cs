using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// One file change to push to one destination. Two works are "equal" when they name the same file, type and
/// source ETag (<see cref="SameAs"/>); the other fields only help to run it.
/// </summary>
/// <param name="Type">
/// Rename and Delete are final when the work is made (they come from tombstones). ContentUpdate is provisional:
/// the destination's answer may turn it into a MetadataUpdate or into nothing (<see cref="WorkTypeDecision"/>).
/// </param>
/// <param name="SourceEtag">The ETag of the local change this work pushes.</param>
/// <param name="Size">The file's size (0 for tombstones); small content works travel in batches.</param>
/// <param name="NewName">For a Rename, the name the file now has.</param>
/// <param name="AfterConflict">A re-check of a work the destination found conflicted: a conflict again is not reported again.</param>
public sealed record SynchronizationWork(string FileName, SynchronizationType Type, long SourceEtag, long Size = 0, string? NewName = null,
    bool AfterConflict = false)
{
    public string FileETag => Etags.Format(SourceEtag);

    /// <summary>Same file, type and ETag: such a work is never queued twice.</summary>
    public bool SameAs(SynchronizationWork other) =>
        string.Equals(FileName, other.FileName, StringComparison.Ordinal) && Type == other.Type && SourceEtag == other.SourceEtag;

    public bool IsForFile(string fileName) => string.Equals(FileName, fileName, StringComparison.Ordinal);

    public SynchronizationDetails ToDetails(string destinationUrl) => new(FileName, FileETag, destinationUrl, Type);

    /// <summary>The work for a change-list entry: Rename or Delete for tombstones, ContentUpdate (provisional) otherwise.</summary>
    public static SynchronizationWork For(FileChange change) => change switch
    {
        { Deleted: true, RenamedTo: { } to } => new(change.Name, SynchronizationType.Rename, change.Etag, 0, to),
        { Deleted: true } => new(change.Name, SynchronizationType.Delete, change.Etag),
        _ => new(change.Name, SynchronizationType.ContentUpdate, change.Etag, change.Size),
    };
}
