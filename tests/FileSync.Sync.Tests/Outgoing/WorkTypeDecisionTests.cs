using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;

namespace FileSync.Sync.Tests.Outgoing;

public class WorkTypeDecisionTests
{
    private static readonly Guid Here = Guid.NewGuid();
    private static readonly Guid There = Guid.NewGuid();

    private static FileChange Live(long etag, long version, string hash = "aa", long size = 10, bool conflicted = false, params HistoryItem[] history)
    {
        var metadata = new Dictionary<string, string>();
        new SynchronizationVersion(version, Here, history).WriteTo(metadata);
        if (conflicted) metadata[MetadataKeys.SynchronizationConflict] = "true";
        return new FileChange("fs", "/a", etag, false, null, size, hash, 1, metadata, DateTimeOffset.UtcNow);
    }

    private static SynchronizationWork WorkFor(FileChange change) => SynchronizationWork.For(change);

    [Fact]
    public void A_file_gone_or_changed_again_locally_needs_nothing()
    {
        var local = Live(5, 2);
        Assert.Null(WorkTypeDecision.Decide(null, WorkFor(local), null).Type);
        Assert.Equal(WorkTypeDecision.GoneLocally, WorkTypeDecision.Decide(local with { Etag = 6 }, WorkFor(local), null).Reason);
    }

    [Fact]
    public void A_conflicted_file_needs_nothing()
    {
        var local = Live(5, 2, conflicted: true);
        Assert.Equal(WorkTypeDecision.ConflictedLocally, WorkTypeDecision.Decide(local, WorkFor(local), null).Reason);
    }

    [Fact]
    public void Tombstones_become_rename_or_delete()
    {
        var renamed = Live(5, 2) with { Deleted = true, RenamedTo = "/b" };
        var deleted = Live(6, 3) with { Deleted = true };
        Assert.Equal(SynchronizationType.Rename, WorkFor(renamed).Type);
        Assert.Equal("/b", WorkFor(renamed).NewName);
        Assert.Equal(SynchronizationType.Rename, WorkTypeDecision.Decide(renamed, WorkFor(renamed), null).Type);
        Assert.Equal(SynchronizationType.Delete, WorkTypeDecision.Decide(deleted, WorkFor(deleted), null).Type);
    }

    [Fact]
    public void The_same_version_on_the_destination_needs_nothing()
    {
        var local = Live(5, 2);
        var decision = WorkTypeDecision.Decide(local, WorkFor(local), new CurrentVersionInfo(2, Here, "aa", 10));
        Assert.Null(decision.Type);
        Assert.Equal(WorkTypeDecision.AlreadyHas, decision.Reason);
        Assert.Equal(WorkTypeDecision.HadInPast, WorkTypeDecision.Decide(local, WorkFor(local), null, remoteHadInPast: true).Reason);
    }

    [Fact]
    public void The_same_content_is_a_metadata_update_and_other_content_a_content_update()
    {
        var local = Live(5, 3, history: new HistoryItem(2, Here));
        Assert.Equal(SynchronizationType.MetadataUpdate, WorkTypeDecision.Decide(local, WorkFor(local), new CurrentVersionInfo(2, Here, "AA", 10)).Type);
        Assert.Equal(SynchronizationType.ContentUpdate, WorkTypeDecision.Decide(local, WorkFor(local), new CurrentVersionInfo(2, Here, "bb", 10)).Type);
        Assert.Equal(SynchronizationType.ContentUpdate, WorkTypeDecision.Decide(local, WorkFor(local), null).Type);
        Assert.Equal(SynchronizationType.ContentUpdate, WorkTypeDecision.Decide(local, WorkFor(local), new CurrentVersionInfo(7, There, "cc", 11)).Type);
    }
}
