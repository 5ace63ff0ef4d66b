using FileSync.Kernel;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;

namespace FileSync.Sync.Tests.Outgoing;

/// <summary>DestinationActor with a real SQLite store, an in-memory journal and the destination faked at its client seam.</summary>
public sealed class DestinationActorTests() : DestinationTestKit("outgoing")
{
    private IActorRef Start(FakeDestination fake, int max, long smallFileLimit = 0) =>
        Sys.ActorOf(DestinationActor.Props(Fs, Target, new DestinationDependencies(Node.Store, fake,
            OutgoingSettings.Default with { MaxPerDestination = max, SmallFileLimit = smallFileLimit },
            _ => Task.FromResult(max))));

    private async Task<StoredFile> Upload(string name, int size, byte seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed + size).NextBytes(bytes);
        return await Node.FileSystems.PutFileAsync(Fs, name, new MemoryStream(bytes), new Dictionary<string, string>());
    }

    private DestinationState StateOf(IActorRef actor) => actor.Ask<DestinationState>(GetDestinationState.Instance, Wait).GetAwaiter().GetResult();

    [Fact]
    public async Task ToDestinations_starts_only_what_the_limit_allows_and_reports_those()
    {
        await Upload("/a.bin", 1000);
        await Upload("/b.bin", 1000);
        var fake = new FakeDestination();
        var actor = Start(fake, max: 1);

        actor.Tell(new SynchronizeDestination(ForceSyncingAll: false), TestActor);
        var result = ExpectMsg<DestinationSyncResult>(timeout: Wait);

        var report = Assert.Single(result.Reports!);
        Assert.Equal("/a.bin", report.FileName);
        Assert.Equal(SynchronizationType.ContentUpdate, report.Type);
        Assert.Null(report.Exception);
        Assert.Equal(1000, report.BytesTransfered + report.BytesCopied);
        Assert.Equal("http://localhost:8081", result.DestinationServer);
        var state = StateOf(actor);
        Assert.Equal("/b.bin", Assert.Single(state.Pending).FileName);
        Assert.Equal("http://localhost:8081/fs/SlaveNorthwindFS", state.Pending[0].DestinationUrl);
    }

    [Fact]
    public void ToDestinations_with_nothing_to_do_reports_null()
    {
        var actor = Start(new FakeDestination(), max: 5);
        actor.Tell(new SynchronizeDestination(false), TestActor);
        var result = ExpectMsg<DestinationSyncResult>(timeout: Wait);
        Assert.Null(result.Reports);
        Assert.Null(result.Exception);
    }

    [Fact]
    public async Task The_limit_holds_under_many_concurrent_triggers_and_everything_arrives()
    {
        for (var i = 0; i < 12; i++) await Upload($"/f{i:00}.bin", 2000 + i);
        var fake = new FakeDestination { CheckDelay = TimeSpan.FromMilliseconds(40) };
        var actor = Start(fake, max: 3);

        for (var i = 0; i < 50; i++)
        {
            actor.Tell(i % 2 == 0 ? new SynchronizeDestination(ForceSyncingAll: true) : BackgroundPass.Instance, TestActor);
            actor.Tell(new SynchronizeFile($"/f{i % 12:00}.bin"), TestActor);
        }
        AwaitCondition(() => fake.Applied.Distinct().Count() == 12, Wait);
        AwaitCondition(() => StateOf(actor) is { RunningRuns: 0, Pending.Count: 0 }, Wait);
        Assert.InRange(fake.MaxInFlight, 1, 3);
        Assert.Equal(12, StateOf(actor).Confirmed);
    }

    [Fact]
    public async Task A_failed_work_is_reported_and_retried_on_the_next_pass()
    {
        await Upload("/a.bin", 1000);
        var fake = new FakeDestination();
        fake.FailNext(1);
        var actor = Start(fake, max: 1);

        actor.Tell(new SynchronizeDestination(false), TestActor);
        var failed = Assert.Single(ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!);
        Assert.Contains("Connection refused", failed.Exception!.Message);
        Assert.Empty(fake.Applied);
        Assert.Equal(0, StateOf(actor).Confirmed);

        actor.Tell(new SynchronizeDestination(false), TestActor);
        var retried = Assert.Single(ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!);
        Assert.Null(retried.Exception);
        Assert.Equal(["/a.bin"], fake.Applied);
        AwaitCondition(() => StateOf(actor).Confirmed == 1, Wait);
    }

    [Fact]
    public async Task A_queue_persisted_before_a_crash_resumes_in_the_next_incarnation()
    {
        await Upload("/a.bin", 1000);
        await Upload("/b.bin", 1000);
        var stuck = new FakeDestination { Gate = new TaskCompletionSource() };
        var first = Start(stuck, max: 1);
        first.Tell(BackgroundPass.Instance);
        AwaitCondition(() => stuck.InFlight == 1, Wait);
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first, Wait);

        var healthy = new FakeDestination();
        Start(healthy, max: 1);
        AwaitCondition(() => healthy.Applied.Count == 2, Wait);
        Assert.Equal(["/a.bin", "/b.bin"], healthy.Applied);
        stuck.Gate.SetResult();
    }

    [Fact]
    public async Task Files_that_came_from_the_destination_are_not_sent_back()
    {
        var fake = new FakeDestination();
        var metadata = new Dictionary<string, string>();
        new SynchronizationVersion(1, fake.ServerId, []).WriteTo(metadata);
        await Node.Store.CommitRemoteVersionAsync(Fs, "/from-b.bin", new MemoryStream(new byte[100]), metadata);
        await Upload("/local.bin", 100);
        var actor = Start(fake, max: 2);

        actor.Tell(new SynchronizeDestination(false), TestActor);
        var report = Assert.Single(ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!);
        Assert.Equal("/local.bin", report.FileName);
        Assert.Equal(["/local.bin"], fake.Applied);
        // The skipped echo does not hold the confirmed ETag back.
        AwaitCondition(() => StateOf(actor).Confirmed == 2, Wait);
    }

    [Fact]
    public async Task First_contact_starts_after_what_the_destination_already_has()
    {
        await Upload("/old.bin", 100);
        await Upload("/new.bin", 100);
        var fake = new FakeDestination { LastSourceEtag = 1 };
        var actor = Start(fake, max: 2);

        actor.Tell(new SynchronizeDestination(false), TestActor);
        Assert.Equal("/new.bin", Assert.Single(ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!).FileName);
    }

    [Fact]
    public async Task Small_files_of_one_pass_travel_in_one_request_and_one_slot()
    {
        for (var i = 0; i < 5; i++) await Upload($"/s{i}.txt", 100 + i);
        var fake = new FakeDestination();
        var actor = Start(fake, max: 1, smallFileLimit: 64 * 1024);

        actor.Tell(new SynchronizeDestination(false), TestActor);
        var reports = ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!;
        Assert.Equal(5, reports.Count);
        Assert.Equal([5], fake.FilesPerContentRequest);
    }

    [Fact]
    public async Task Same_content_on_the_destination_becomes_a_metadata_update_with_no_bytes()
    {
        var stored = await Upload("/a.bin", 1000);
        var fake = new FakeDestination
        {
            OnCheck = f => new IncomingCheckResult(f.FileName, IncomingDecision.Proceed, new CurrentVersionInfo(99, Guid.NewGuid(), stored.ContentHash, stored.Size), null),
        };
        var actor = Start(fake, max: 1);

        actor.Tell(new SynchronizeFile("/a.bin"), TestActor);
        var report = ExpectMsg<SynchronizationReport>(timeout: Wait);
        Assert.Equal(SynchronizationType.MetadataUpdate, report.Type);
        Assert.Equal(0, report.BytesTransfered + report.BytesCopied);
        Assert.Equal(["/a.bin"], fake.MetadataUpdates);
    }

    [Fact]
    public async Task Deletes_and_renames_are_sent_as_such()
    {
        await Upload("/a.bin", 100);
        await Upload("/b.bin", 100);
        await Node.FileSystems.DeleteFileAsync(Fs, "/a.bin");
        await Node.FileSystems.RenameFileAsync(Fs, "/b.bin", "/c.bin");
        var fake = new FakeDestination();
        var actor = Start(fake, max: 5);

        actor.Tell(new SynchronizeDestination(false), TestActor);
        var reports = ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!;
        Assert.Contains(reports, r => r is { FileName: "/a.bin", Type: SynchronizationType.Delete, Exception: null });
        Assert.Contains(reports, r => r is { FileName: "/b.bin", Type: SynchronizationType.Rename, Exception: null });
        Assert.Contains("deleted:/a.bin", fake.Applied);
        Assert.Contains("renamed:/b.bin->/c.bin", fake.Applied);
    }

    [Fact]
    public async Task A_conflict_is_reported_once_and_pushed_when_the_destination_resolves_it()
    {
        await Upload("/a.bin", 100);
        var resolved = false;
        var fake = new FakeDestination
        {
            OnCheck = f => new IncomingCheckResult(f.FileName, Volatile.Read(ref resolved) ? IncomingDecision.Proceed : IncomingDecision.Conflict, null, $"File {f.FileName} is conflicted"),
        };
        var actor = Start(fake, max: 1);

        actor.Tell(new SynchronizeDestination(false), TestActor);
        var report = Assert.Single(ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!);
        Assert.Equal("File /a.bin is conflicted", report.Exception!.Message);
        AwaitCondition(() => StateOf(actor).Confirmed == 1, Wait);

        // Still conflicted: re-checked quietly, nothing new is reported or sent.
        actor.Tell(new SynchronizeDestination(false), TestActor);
        Assert.Null(ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports);
        Assert.Empty(fake.Applied);
        Assert.Single(StateOf(actor).Finished);

        Volatile.Write(ref resolved, true);
        actor.Tell(new SynchronizeDestination(false), TestActor);
        var pushed = Assert.Single(ExpectMsg<DestinationSyncResult>(timeout: Wait).Reports!);
        Assert.Null(pushed.Exception);
        Assert.Equal(["/a.bin"], fake.Applied);
    }
}
