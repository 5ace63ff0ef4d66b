using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Serialization;
using FileSync.Persistence.Snapshots;
using FileSync.Sync.Contracts;
using FileSync.Sync.Synchronizers;

namespace FileSync.Sync.Tests.Synchronizers;

/// <summary>Synchronizers with an in-memory journal and the drains faked at their seam.</summary>
public sealed class SynchronizerActorTests : FileSync.Kernel.TestKit.TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly InMemoryJournal _journal = new();

    public SynchronizerActorTests()
    {
        PersistenceExtension.Register(Sys, _journal, new InMemorySnapshotStore(), new EventSerializer().RegisterSynchronizerEvents());
    }

    private StorageSynchronizers Start(FakeDrains drains, SynchronizerSettings? settings = null) =>
        StorageSynchronizers.Start(Sys, SynchronizerPolling.Link, drains, settings);

    [Fact]
    public async Task Create_answers_triggered_then_the_push_runs_before_the_pull_and_both_complete()
    {
        var drains = new FakeDrains { PushGate = new TaskCompletionSource() };
        var synchronizers = Start(drains);

        var created = await synchronizers.CreateAsync();
        Assert.Equal(SynchronizerState.Triggered, created.State);
        Assert.Equal(SynchronizerState.Triggered, created.Push.State);
        Assert.Equal(SynchronizerState.Triggered, created.Pull.State);
        Assert.Equal($"{created.Push.Id}+{created.Pull.Id[1..]}", created.Id);
        Assert.StartsWith("$", created.Pull.Id);

        AwaitAssert(() => Assert.Equal(["push"], drains.Calls), Wait);
        drains.PushGate.SetResult();
        var done = await SynchronizerPolling.Until(synchronizers, created.Id, v => v.State != SynchronizerState.Triggered, Wait);

        Assert.Equal(["push", "pull"], drains.Calls);
        Assert.Equal(SynchronizerState.Completed, done.State);
        Assert.Equal(SynchronizerState.Completed, done.Push.State);
        Assert.Equal(SynchronizerState.Completed, done.Pull.State);
        Assert.Null(done.Push.ErrorMessage);
    }

    [Fact]
    public async Task Started_and_completed_are_published_on_the_event_stream_with_the_same_id()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<SynchronizerStarted>(probe.Ref);
        Sys.EventStream.Subscribe<SynchronizerCompleted>(probe.Ref);
        var synchronizers = Start(new FakeDrains());

        var created = await synchronizers.CreateAsync();

        var started = probe.ExpectMsg<SynchronizerStarted>(timeout: Wait);
        var completed = probe.ExpectMsg<SynchronizerCompleted>(timeout: Wait);
        Assert.Equal(created.Id, started.Synchronizer.Id);
        Assert.Equal(SynchronizerState.Triggered, started.Synchronizer.State);
        Assert.Equal(created.Id, completed.Synchronizer.Id);
        Assert.Equal(SynchronizerState.Completed, completed.Synchronizer.State);
    }

    [Fact]
    public async Task Each_state_change_is_persisted_as_its_own_event_in_order()
    {
        var synchronizers = Start(new FakeDrains());
        var created = await synchronizers.CreateAsync();
        await SynchronizerPolling.Until(synchronizers, created.Id, v => v.State == SynchronizerState.Completed, Wait);

        Assert.True(SynchronizerId.TryParse(created.Id, out var id));
        var manifests = new List<string>();
        await foreach (var repr in _journal.ReplayAsync(id.Value.PersistenceId, 1, long.MaxValue, long.MaxValue)) manifests.Add(repr.Manifest);
        Assert.Equal([
            "storage.synchronizer.created.v1", "storage.synchronizer.push-triggered.v1", "storage.synchronizer.push-completed.v1",
            "storage.synchronizer.pull-triggered.v1", "storage.synchronizer.pull-completed.v1"], manifests);
    }

    [Fact]
    public async Task A_failed_push_is_an_error_with_its_reason_the_pull_still_runs_and_the_whole_is_an_error()
    {
        var drains = new FakeDrains
        {
            Push = () => new DestinationSyncResult("http://remote:8081", "Remote", null, new ReportedException("Connection refused", "HttpRequestException")),
        };
        var synchronizers = Start(drains);

        var created = await synchronizers.CreateAsync();
        var done = await SynchronizerPolling.Until(synchronizers, created.Id, v => v.State != SynchronizerState.Triggered && v.Pull.State != SynchronizerState.Triggered, Wait);

        Assert.Equal(SynchronizerState.Error, done.State);
        Assert.Equal(SynchronizerState.Error, done.Push.State);
        Assert.Equal("http://remote:8081/fs/Remote: Connection refused", done.Push.ErrorMessage);
        Assert.Equal(SynchronizerState.Completed, done.Pull.State);
        Assert.Equal(["push", "pull"], drains.Calls);
    }

    [Fact]
    public async Task A_pull_that_throws_is_an_error_with_the_exception_message()
    {
        var drains = new FakeDrains { Pull = () => throw new HttpRequestException("The remote node is down") };
        var synchronizers = Start(drains);

        var created = await synchronizers.CreateAsync();
        var done = await SynchronizerPolling.Until(synchronizers, created.Id, v => v.State != SynchronizerState.Triggered, Wait);

        Assert.Equal(SynchronizerState.Error, done.State);
        Assert.Equal(SynchronizerState.Completed, done.Push.State);
        Assert.Equal("The remote node is down", done.Pull.ErrorMessage);
    }

    [Fact]
    public async Task Conflicts_complete_the_phase_and_are_listed_on_it()
    {
        var conflicted = SynchronizationReport.NoContent("/both.txt", null, SynchronizationType.ContentUpdate, ReportedException.Synchronization("File /both.txt is conflicted"));
        var synchronizers = Start(new FakeDrains { Push = () => new DestinationSyncResult("http://remote:8081", "Remote", [conflicted], null) });

        var created = await synchronizers.CreateAsync();
        var done = await SynchronizerPolling.Until(synchronizers, created.Id, v => v.State != SynchronizerState.Triggered, Wait);

        Assert.Equal(SynchronizerState.Completed, done.State);
        Assert.Equal(["/both.txt"], done.Push.Conflicts);
        Assert.Null(done.Pull.Conflicts);
    }

    [Fact]
    public async Task A_second_create_while_one_runs_returns_the_running_one_and_a_later_create_a_new_one()
    {
        var drains = new FakeDrains { PullGate = new TaskCompletionSource() };
        var synchronizers = Start(drains);

        var first = await synchronizers.CreateAsync();
        var second = await synchronizers.CreateAsync();
        Assert.Equal(first.Id, second.Id);

        drains.PullGate.SetResult();
        await SynchronizerPolling.Until(synchronizers, first.Id, v => v.State == SynchronizerState.Completed, Wait);
        var third = await CreateNewAsync(synchronizers, first.Id);

        Assert.NotEqual(first.Id, third.Id);
        var list = await synchronizers.ListAsync();
        Assert.Equal([third.Id, first.Id], list.Select(v => v.Id));
    }

    [Fact]
    public async Task Without_a_storage_link_create_throws_a_clear_error()
    {
        var synchronizers = StorageSynchronizers.Start(Sys, link: null, drains: null);

        var e = await Assert.ThrowsAsync<StorageLinkMissingException>(() => synchronizers.CreateAsync());
        Assert.Contains("filesync.storage.file-system", e.Message);
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_are_not_found()
    {
        var synchronizers = Start(new FakeDrains());

        Assert.Null(await synchronizers.GetAsync(SynchronizerId.New().ToString()));
        Assert.Null(await synchronizers.GetAsync("not-an-id"));
    }

    [Fact]
    public async Task Only_the_newest_finished_synchronizers_are_kept()
    {
        var synchronizers = Start(new FakeDrains(), new SynchronizerSettings(MaxKept: 2));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await CreateNewAsync(synchronizers, ids.LastOrDefault());
            await SynchronizerPolling.Until(synchronizers, created.Id, v => v.State == SynchronizerState.Completed, Wait);
            ids.Add(created.Id);
        }

        var list = await synchronizers.ListAsync();
        Assert.Equal([ids[2], ids[1]], list.Select(v => v.Id));
        Assert.Null(await synchronizers.GetAsync(ids[0]));
    }

    /// <summary>The list learns that the previous one finished just after that one's last event: create until the answer is a new one.</summary>
    private async Task<SynchronizerView> CreateNewAsync(StorageSynchronizers synchronizers, string? previous)
    {
        var until = DateTime.UtcNow + Wait;
        while (true)
        {
            var view = await synchronizers.CreateAsync();
            if (view.Id != previous) return view;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Create still answers {previous}.");
            await Task.Delay(20);
        }
    }
}
