using FileSync.Kernel;
using FileSync.Persistence.Tests.Providers;

namespace FileSync.Persistence.Tests.Actors;

/// <summary>An actor system with persistence registered over a provider's database: one "node run". Dispose = shut down.</summary>
public sealed class PersistentActorSystem : IAsyncDisposable
{
    private static int _counter;
    private readonly PersistenceStores _stores;
    private readonly List<Error> _errors = [];
    private readonly IDisposable _errorSubscription;

    private PersistentActorSystem(ActorSystem system, PersistenceStores stores)
    {
        System = system;
        _stores = stores;
        _errorSubscription = system.EventStream.Subscribe<Error>(e =>
        {
            lock (_errors) _errors.Add(e);
        });
    }

    public ActorSystem System { get; }

    /// <summary>Error log events published so far.</summary>
    public IReadOnlyList<Error> Errors
    {
        get { lock (_errors) return _errors.ToList(); }
    }

    public static async Task<PersistentActorSystem> StartAsync(IStoreProvider provider, string? writer = null,
        Persistence.Serialization.EventSerializer? serializer = null, int snapshotEvery = 0)
    {
        var stores = await provider.OpenAsync();
        var system = ActorSystem.Create($"persistence-test-{Interlocked.Increment(ref _counter)}");
        PersistenceExtension.Register(system, stores.Journal, stores.Snapshots, serializer ?? ShoppingList.Serializer(),
            writer is null ? null : new WriterIdentity(writer), snapshotEvery);
        return new PersistentActorSystem(system, stores);
    }

    public IActorRef StartList(string persistenceId, bool offerSnapshots = false) =>
        System.ActorOf(Props.Create(() => new ShoppingList(persistenceId, offerSnapshots)));

    /// <summary>Completes when <paramref name="actor"/> has stopped (watched by a helper actor).</summary>
    public Task WhenStopped(IActorRef actor)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        System.ActorOf(Props.Create(() => new StopWatcher(actor, stopped)));
        return stopped.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _errorSubscription.Dispose();
        await System.Terminate();
        await _stores.DisposeAsync();
    }

    private sealed class StopWatcher : ReceiveActor
    {
        public StopWatcher(IActorRef subject, TaskCompletionSource stopped)
        {
            Context.Watch(subject);
            Receive<Terminated>(_ => stopped.TrySetResult());
        }
    }
}
