using FileSync.Kernel;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Notifications;
using FileSync.Sync.Outgoing;
using FileSync.Sync.Tests.Outgoing;

namespace FileSync.Sync.Tests.Notifications;

/// <summary>What a <see cref="DestinationActor"/> announces on the event stream for the notification hub.</summary>
public sealed class OutgoingActivityTests() : DestinationTestKit("outgoing-activity")
{
    [Fact]
    public async Task A_pushed_file_is_announced_Enqueue_Start_Finish_Outgoing_with_the_destination_file_system_url()
    {
        await Node.FileSystems.PutFileAsync(Fs, "/a.bin", new MemoryStream(new byte[1000]), new Dictionary<string, string>());
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe<SynchronizationActivity>(listener.Ref);
        var actor = Sys.ActorOf(DestinationActor.Props(Fs, Target, new DestinationDependencies(Node.Store, new FakeDestination(),
            OutgoingSettings.Default with { MaxPerDestination = 5, SmallFileLimit = 0 }, _ => Task.FromResult(5))));

        actor.Tell(new SynchronizeDestination(ForceSyncingAll: false), TestActor);
        ExpectMsg<DestinationSyncResult>(timeout: Wait);

        var actions = Enumerable.Range(0, 3).Select(_ => listener.ExpectMsg<SynchronizationActivity>(timeout: Wait)).ToList();
        Assert.Equal([SynchronizationAction.Enqueue, SynchronizationAction.Start, SynchronizationAction.Finish], actions.Select(a => a.Action));
        Assert.All(actions, a =>
        {
            Assert.Equal(Fs, a.FileSystem);
            Assert.Equal("/a.bin", a.FileName);
            Assert.Equal("http://localhost:8081/fs/SlaveNorthwindFS", a.DestinationFileSystemUrl);
            Assert.Equal(SynchronizationType.ContentUpdate, a.Type);
            Assert.Equal(SynchronizationDirection.Outgoing, a.Direction);
        });
    }

    [Fact]
    public void A_finish_carries_the_reports_final_type_and_a_batch_start_announces_each_file()
    {
        var events = new EventStream();
        var seen = new List<SynchronizationActivity>();
        using var subscription = events.Subscribe<SynchronizationActivity>(seen.Add);
        var publisher = new SynchronizationPublisher(events);
        var a = new SynchronizationWork("/a", SynchronizationType.ContentUpdate, 1);
        var b = new SynchronizationWork("/b", SynchronizationType.ContentUpdate, 2);

        publisher.Outgoing(Fs, "http://d/fs/X", new WorkStarted(Guid.NewGuid(), [a, b]));
        publisher.Outgoing(Fs, "http://d/fs/X", new WorkFinished(Guid.NewGuid(),
            [new WorkOutcome(a, SynchronizationReport.NoContent("/a", a.FileETag, SynchronizationType.MetadataUpdate), Retry: false)]));
        publisher.Outgoing(Fs, "http://d/fs/X", new ChangesListed(5));

        Assert.Equal([("/a", SynchronizationAction.Start), ("/b", SynchronizationAction.Start), ("/a", SynchronizationAction.Finish)],
            seen.Select(s => (s.FileName, s.Action)));
        Assert.Equal(SynchronizationType.MetadataUpdate, seen[^1].Type);
    }

    [Fact]
    public void An_incoming_change_announces_Start_at_once_and_Finish_once_when_disposed()
    {
        var events = new EventStream();
        var seen = new List<SynchronizationActivity>();
        using var subscription = events.Subscribe<SynchronizationActivity>(seen.Add);
        var publisher = new SynchronizationPublisher(events);

        var activity = publisher.Incoming(Fs, "/in.txt", new SourceInfo(Guid.NewGuid(), "http://src/", "SrcFS").FileSystemUrl, SynchronizationType.Delete);
        Assert.Equal(SynchronizationAction.Start, Assert.Single(seen).Action);
        activity.Dispose();
        activity.Dispose();

        Assert.Equal([SynchronizationAction.Start, SynchronizationAction.Finish], seen.Select(s => s.Action));
        Assert.All(seen, s =>
        {
            Assert.Equal("http://src/fs/SrcFS", s.DestinationFileSystemUrl);
            Assert.Equal(SynchronizationDirection.Incoming, s.Direction);
            Assert.Equal(SynchronizationType.Delete, s.Type);
        });
    }
}
