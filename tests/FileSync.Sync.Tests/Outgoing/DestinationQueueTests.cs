using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;

namespace FileSync.Sync.Tests.Outgoing;

public class DestinationQueueTests
{
    private static SynchronizationWork Content(string name, long etag, long size = 1_000_000) => new(name, SynchronizationType.ContentUpdate, etag, size);

    private static DestinationQueue With(params SynchronizationWork[] works)
    {
        var queue = new DestinationQueue();
        foreach (var work in works) queue.Apply(new WorkEnqueued(work));
        return queue;
    }

    [Fact]
    public void An_equal_work_is_never_queued_twice()
    {
        var queue = With(Content("/a", 1), Content("/a", 1), Content("/b", 2));
        Assert.Equal(["/a", "/b"], queue.Pending.Select(w => w.FileName));
        Assert.False(queue.Accepts(Content("/a", 1)));
    }

    [Fact]
    public void An_equal_work_is_not_queued_while_it_runs()
    {
        var queue = With(Content("/a", 1));
        queue.Apply(new WorkStarted(Guid.NewGuid(), [Content("/a", 1)]));
        queue.Apply(new WorkEnqueued(Content("/a", 1)));
        Assert.Empty(queue.Pending);
        Assert.Single(queue.Active);
    }

    [Fact]
    public void A_newer_work_replaces_the_older_one_in_its_place()
    {
        var queue = With(Content("/a", 1), Content("/b", 2), Content("/a", 3));
        Assert.Equal([("/a", 3L), ("/b", 2L)], queue.Pending.Select(w => (w.FileName, w.SourceEtag)));
    }

    [Fact]
    public void An_older_work_does_not_replace_a_newer_one()
    {
        var queue = With(Content("/a", 5), Content("/a", 3));
        Assert.Equal(5, Assert.Single(queue.Pending).SourceEtag);
    }

    [Fact]
    public void A_delete_purges_older_works_for_its_file_and_goes_last()
    {
        var queue = With(Content("/a", 1), Content("/b", 2), new SynchronizationWork("/a", SynchronizationType.Delete, 3));
        Assert.Equal([("/b", SynchronizationType.ContentUpdate), ("/a", SynchronizationType.Delete)], queue.Pending.Select(w => (w.FileName, w.Type)));
    }

    [Fact]
    public void Runs_never_exceed_the_free_slots()
    {
        var queue = With(Enumerable.Range(1, 20).Select(i => Content($"/f{i}", i)).ToArray());
        var runs = queue.PlanRuns(freeSlots: 3, smallFileLimit: 64 * 1024, maxBatch: 64);
        Assert.Equal(3, runs.Count);
        Assert.Equal(["/f1", "/f2", "/f3"], runs.Select(r => Assert.Single(r).FileName));
        Assert.Empty(queue.PlanRuns(freeSlots: 0, smallFileLimit: 64 * 1024, maxBatch: 64));
    }

    [Fact]
    public void Small_content_works_share_one_run()
    {
        var queue = With(Content("/big", 1), Content("/s1", 2, 10), new SynchronizationWork("/gone", SynchronizationType.Delete, 3), Content("/s2", 4, 20));
        var runs = queue.PlanRuns(freeSlots: 5, smallFileLimit: 64 * 1024, maxBatch: 64);
        Assert.Equal([["/big"], ["/s1", "/s2"], ["/gone"]], runs.Select(r => r.Select(w => w.FileName).ToArray()));
    }

    [Fact]
    public void The_new_name_of_a_rename_waits_until_the_rename_has_run()
    {
        var rename = new SynchronizationWork("/old", SynchronizationType.Rename, 5, 0, "/new");
        var queue = With(rename, Content("/new", 6, 10), Content("/other", 7, 10));
        var first = queue.PlanRuns(freeSlots: 5, smallFileLimit: 64 * 1024, maxBatch: 64);
        Assert.Equal([["/old"], ["/other"]], first.Select(r => r.Select(w => w.FileName).ToArray()));

        var run = Guid.NewGuid();
        queue.Apply(new WorkStarted(run, [rename]));
        Assert.DoesNotContain(queue.PlanRuns(5, 64 * 1024, 64).SelectMany(r => r), w => w.FileName == "/new");
        queue.Apply(new WorkFinished(run, [new WorkOutcome(rename, null, Retry: false)]));
        Assert.Contains(queue.PlanRuns(5, 64 * 1024, 64).SelectMany(r => r), w => w.FileName == "/new");
    }

    [Fact]
    public void A_file_already_running_is_not_started_again_until_it_finishes()
    {
        var queue = With(Content("/a", 1));
        var run = Guid.NewGuid();
        queue.Apply(new WorkStarted(run, [Content("/a", 1)]));
        queue.Apply(new WorkEnqueued(Content("/a", 2)));
        Assert.Empty(queue.PlanRuns(5, 64 * 1024, 64));
        queue.Apply(new WorkFinished(run, [new WorkOutcome(Content("/a", 1), null, Retry: false)]));
        Assert.Equal(2, Assert.Single(Assert.Single(queue.PlanRuns(5, 64 * 1024, 64))).SourceEtag);
    }

    [Fact]
    public void Confirmed_etag_stops_below_the_oldest_unfinished_work()
    {
        var queue = With(Content("/a", 1), Content("/b", 2), Content("/c", 3));
        queue.Apply(new ChangesListed(3));
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        queue.Apply(new WorkStarted(first, [Content("/a", 1)]));
        queue.Apply(new WorkStarted(second, [Content("/b", 2)]));
        Assert.Equal(0, queue.ComputeConfirmed());

        queue.Apply(new WorkFinished(second, [new WorkOutcome(Content("/b", 2), null, Retry: false)]));
        Assert.Equal(0, queue.ComputeConfirmed());
        queue.Apply(new WorkFinished(first, [new WorkOutcome(Content("/a", 1), null, Retry: true)]));
        Assert.Equal(0, queue.ComputeConfirmed());
        Assert.Equal("/a", Assert.Single(queue.Failed).FileName);

        // The retry is queued again by the next pass and succeeds.
        queue.Apply(new WorkEnqueued(Content("/a", 1)));
        Assert.Empty(queue.Failed);
        var retry = Guid.NewGuid();
        queue.Apply(new WorkStarted(retry, [Content("/a", 1)]));
        queue.Apply(new WorkFinished(retry, [new WorkOutcome(Content("/a", 1), null, Retry: false)]));
        Assert.Equal(2, queue.ComputeConfirmed());
    }

    [Fact]
    public void A_failed_work_superseded_by_a_newer_change_is_not_retried()
    {
        var queue = With(Content("/a", 1));
        var run = Guid.NewGuid();
        queue.Apply(new WorkStarted(run, [Content("/a", 1)]));
        queue.Apply(new WorkEnqueued(Content("/a", 4)));
        queue.Apply(new WorkFinished(run, [new WorkOutcome(Content("/a", 1), null, Retry: true)]));
        Assert.Empty(queue.Failed);
        Assert.Equal(4, Assert.Single(queue.Pending).SourceEtag);
    }

    [Fact]
    public void Works_running_at_a_crash_return_to_the_front_and_a_restart_retires_the_old_run()
    {
        var events = new List<IDestinationEvent>
        {
            new WorkEnqueued(Content("/a", 1)),
            new WorkEnqueued(Content("/b", 2)),
            new WorkStarted(Guid.NewGuid(), [Content("/b", 2)]),
        };
        var recovered = new DestinationQueue();
        events.ForEach(recovered.Apply);
        recovered.RequeueInterruptedRuns();
        Assert.Equal(["/b", "/a"], recovered.Pending.Select(w => w.FileName));
        Assert.Equal(0, recovered.RunCount);

        // The second life restarts /b and finishes it; a third recovery must not run it again.
        var rerun = Guid.NewGuid();
        events.Add(new WorkStarted(rerun, [Content("/b", 2)]));
        events.Add(new WorkFinished(rerun, [new WorkOutcome(Content("/b", 2), null, Retry: false)]));
        var third = new DestinationQueue();
        events.ForEach(third.Apply);
        third.RequeueInterruptedRuns();
        Assert.Equal(["/a"], third.Pending.Select(w => w.FileName));
    }

    [Fact]
    public void A_snapshot_restores_the_queue_with_running_works_pending()
    {
        var queue = With(Content("/a", 1), Content("/b", 2));
        queue.Apply(new DestinationIdentified(Guid.NewGuid(), 0));
        queue.Apply(new ChangesListed(2));
        queue.Apply(new WorkStarted(Guid.NewGuid(), [Content("/a", 1)]));
        var restored = new DestinationQueue();
        restored.Restore(queue.ToSnapshot());
        Assert.Equal(["/a", "/b"], restored.Pending.Select(w => w.FileName));
        Assert.Equal(2, restored.ListedUpTo);
        Assert.Equal(queue.DestinationServerId, restored.DestinationServerId);
    }

    [Fact]
    public void First_contact_starts_from_the_destination_s_last_source_etag()
    {
        var queue = new DestinationQueue();
        queue.Apply(new DestinationIdentified(Guid.NewGuid(), 41));
        Assert.True(queue.Identified);
        Assert.Equal(41, queue.ListedUpTo);
        Assert.Equal(41, queue.ComputeConfirmed());
    }
}
