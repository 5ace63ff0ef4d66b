using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Persistence.Serialization;
using FileSync.Sync.Synchronizers;
using FileSync.TestSupport;

namespace FileSync.Sync.Tests.Synchronizers;

/// <summary>Synchronizers survive a node restart: two actor systems, one after the other, over one SQLite journal.</summary>
public sealed class SynchronizerRecoveryTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _dir = new("synchronizer-recovery");

    public void Dispose() => _dir.Dispose();

    private async Task<(ActorSystem System, PersistenceStores Stores)> StartNodeAsync(string name)
    {
        var settings = new PersistenceSettings(SnapshotEvery: 2);
        var stores = await PersistenceStores.OpenAsync(settings, _dir.Path);
        var system = ActorSystem.Create(name);
        PersistenceExtension.Register(system, stores, new EventSerializer().RegisterSynchronizerEvents(), settings);
        return (system, stores);
    }

    private static async Task StopAsync(ActorSystem system, PersistenceStores stores)
    {
        await system.Terminate();
        await stores.DisposeAsync();
    }

    [Fact]
    public async Task A_synchronizer_triggered_when_the_node_stopped_resumes_its_phase_after_a_restart_and_completes()
    {
        var (first, firstStores) = await StartNodeAsync("first-life");
        var stuck = new FakeDrains { PullGate = new TaskCompletionSource() };
        var before = StorageSynchronizers.Start(first, SynchronizerPolling.Link, stuck);
        var created = await before.CreateAsync();
        await SynchronizerPolling.Until(before, created.Id, v => v.Push.State == SynchronizerState.Completed, Wait);
        await StopAsync(first, firstStores);

        var (second, secondStores) = await StartNodeAsync("second-life");
        try
        {
            var healthy = new FakeDrains();
            var after = StorageSynchronizers.Start(second, SynchronizerPolling.Link, healthy);
            var done = await SynchronizerPolling.Until(after, created.Id, v => v.State != SynchronizerState.Triggered, Wait);

            Assert.Equal(SynchronizerState.Completed, done.State);
            // Only the interrupted phase ran again: the push had completed before the restart.
            Assert.Equal(["pull"], healthy.Calls);
            Assert.Equal([created.Id], (await after.ListAsync()).Select(v => v.Id));
        }
        finally
        {
            await StopAsync(second, secondStores);
        }
    }

    [Fact]
    public async Task Finished_synchronizers_answer_the_same_after_a_restart()
    {
        var (first, firstStores) = await StartNodeAsync("first-life");
        var before = StorageSynchronizers.Start(first, SynchronizerPolling.Link, new FakeDrains { Pull = () => throw new HttpRequestException("remote down") });
        var created = await before.CreateAsync();
        var seen = await SynchronizerPolling.Until(before, created.Id, v => v.State != SynchronizerState.Triggered, Wait);
        await StopAsync(first, firstStores);

        var (second, secondStores) = await StartNodeAsync("second-life");
        try
        {
            var drains = new FakeDrains();
            var after = StorageSynchronizers.Start(second, SynchronizerPolling.Link, drains);
            var again = await after.GetAsync(created.Id);

            Assert.NotNull(again);
            Assert.Equal(SynchronizerState.Error, again.State);
            Assert.Equal(seen.Push.State, again.Push.State);
            Assert.Equal("remote down", again.Pull.ErrorMessage);
            Assert.Empty(drains.Calls);
        }
        finally
        {
            await StopAsync(second, secondStores);
        }
    }

    [Fact]
    public async Task A_phase_interrupted_more_often_than_allowed_ends_in_error_instead_of_running_again()
    {
        var settings = new SynchronizerSettings(MaxAttempts: 1);
        var (first, firstStores) = await StartNodeAsync("first-life");
        var stuck = new FakeDrains { PushGate = new TaskCompletionSource() };
        var before = StorageSynchronizers.Start(first, SynchronizerPolling.Link, stuck, settings);
        var created = await before.CreateAsync();
        await StopAsync(first, firstStores);

        var (second, secondStores) = await StartNodeAsync("second-life");
        try
        {
            var drains = new FakeDrains();
            var after = StorageSynchronizers.Start(second, SynchronizerPolling.Link, drains, settings);
            var done = await SynchronizerPolling.Until(after, created.Id, v => v.State != SynchronizerState.Triggered && v.Pull.State != SynchronizerState.Triggered, Wait);

            Assert.Equal(SynchronizerState.Error, done.State);
            Assert.Contains("interrupted 1 times", done.Push.ErrorMessage);
            Assert.Equal(SynchronizerState.Completed, done.Pull.State);
            Assert.Equal(["pull"], drains.Calls);
        }
        finally
        {
            await StopAsync(second, secondStores);
        }
    }
}
