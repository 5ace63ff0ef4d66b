using FileSync.Kernel;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;
using FileSync.Sync.Tests.Outgoing;

namespace FileSync.Sync.Tests.Synchronizers;

/// <summary><see cref="SynchronizeUntilDrained"/> on a DestinationActor with a real SQLite store and the destination faked.</summary>
public sealed class DestinationDrainTests() : DestinationTestKit("drain")
{
    /// <param name="passDelay">How long each pass takes before listing (it reads the limit first), so runs can outpace passes.</param>
    private IActorRef Start(FakeDestination fake, int max, int maxChangesPerPass = 10_000, TimeSpan passDelay = default) =>
        Sys.ActorOf(DestinationActor.Props(Fs, Target, new DestinationDependencies(Node.Store, fake,
            OutgoingSettings.Default with { MaxPerDestination = max, SmallFileLimit = 0, PageSize = 2, MaxChangesPerPass = maxChangesPerPass },
            async ct =>
            {
                await Task.Delay(passDelay, ct);
                return max;
            })));

    private Task Upload(string name, int size) =>
        Node.FileSystems.PutFileAsync(Fs, name, new MemoryStream(new byte[size]), new Dictionary<string, string>());

    [Fact]
    public async Task A_drain_runs_every_pending_work_beyond_the_limit_and_answers_all_their_reports_once_the_queue_is_empty()
    {
        for (var i = 0; i < 4; i++) await Upload($"/f{i}.bin", 1000 + i);
        var fake = new FakeDestination();
        var actor = Start(fake, max: 1);

        actor.Tell(SynchronizeUntilDrained.Instance, TestActor);
        var result = ExpectMsg<DestinationSyncResult>(timeout: Wait);

        Assert.Null(result.Exception);
        Assert.Equal(["/f0.bin", "/f1.bin", "/f2.bin", "/f3.bin"], result.Reports!.Select(r => r.FileName));
        Assert.All(result.Reports!, r => Assert.Null(r.Exception));
        Assert.Equal(1, fake.MaxInFlight);
        var state = await actor.Ask<DestinationState>(GetDestinationState.Instance, Wait);
        Assert.Empty(state.Pending);
        Assert.Equal(0, state.RunningRuns);
    }

    [Fact]
    public async Task A_drain_covers_the_changes_that_follow_up_passes_list_when_one_pass_cannot_list_them_all()
    {
        for (var i = 0; i < 7; i++) await Upload($"/many/{i}.bin", 1000 + i);
        // Slow passes, fast runs: the first two files are done long before the follow-up pass lists the next ones.
        var actor = Start(new FakeDestination { CheckDelay = TimeSpan.Zero }, max: 5, maxChangesPerPass: 2, passDelay: TimeSpan.FromMilliseconds(300));

        actor.Tell(SynchronizeUntilDrained.Instance, TestActor);
        var result = ExpectMsg<DestinationSyncResult>(timeout: Wait);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"/many/{i}.bin").Order(), result.Reports!.Select(r => r.FileName).Order());
    }

    [Fact]
    public void A_drain_with_nothing_to_do_answers_at_once_with_no_reports()
    {
        var actor = Start(new FakeDestination(), max: 2);

        actor.Tell(SynchronizeUntilDrained.Instance, TestActor);
        var result = ExpectMsg<DestinationSyncResult>(timeout: Wait);

        Assert.Null(result.Exception);
        Assert.Null(result.Reports);
    }

    [Fact]
    public async Task A_work_that_fails_during_a_drain_is_reported_with_its_exception_and_the_drain_still_ends()
    {
        await Upload("/a.bin", 1000);
        await Upload("/b.bin", 1001);
        var fake = new FakeDestination();
        fake.FailNext(1);
        var actor = Start(fake, max: 1);

        actor.Tell(SynchronizeUntilDrained.Instance, TestActor);
        var result = ExpectMsg<DestinationSyncResult>(timeout: Wait);

        Assert.Equal(2, result.Reports!.Count);
        Assert.Contains("fake destination is down", result.Reports[0].Exception!.Message);
        Assert.Null(result.Reports[1].Exception);
    }
}
