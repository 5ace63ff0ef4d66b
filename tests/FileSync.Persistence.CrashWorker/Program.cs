using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Persistence.CrashWorker;
using FileSync.Persistence.Serialization;

// Usage: FileSync.Persistence.CrashWorker <sqlite|postgresql> <connection-string> <persistence-id> [--wait-for-go]
// Prints "recovered N" once, then "ack N" for every durable event, until killed.
// With --wait-for-go it first warms up (opens the stores, persists a few events under a throwaway id), prints
// "ready" and waits for a "go" line on stdin: the test starts the next worker while the current one still runs.
if (args.Length is < 3 or > 4 || (args.Length == 4 && args[3] != "--wait-for-go"))
{
    Console.Error.WriteLine("usage: FileSync.Persistence.CrashWorker <sqlite|postgresql> <connection-string> <persistence-id> [--wait-for-go]");
    return 2;
}

var settings = new PersistenceSettings(PersistenceSettings.ParseProvider(args[0]), args[1]);
await using var stores = await PersistenceStores.OpenAsync(settings, Environment.CurrentDirectory);
await using var system = ActorSystem.Create("crash-worker");
PersistenceExtension.Register(system, stores, new EventSerializer().Register<Incremented>("crash.incremented"), settings);

if (args.Length == 4)
{
    var warmup = system.ActorOf(Props.Create(() => new Counter($"warmup-{Guid.NewGuid():N}", report: false)));
    await DriveAsync(warmup, rounds: 3);
    Console.Out.WriteLine("ready");
    Console.Out.Flush();
    if (await Console.In.ReadLineAsync() != "go") return 3;
}

var counter = system.ActorOf(Props.Create(() => new Counter(args[2], report: true)), "counter");
await DriveAsync(counter, rounds: int.MaxValue);
return 0;

// Keep a few commands queued behind each write, so the kill also lands while commands wait in the mailbox.
static async Task DriveAsync(IActorRef counter, int rounds)
{
    for (var round = 0; round < rounds; round++)
    {
        for (var i = 0; i < 4; i++) counter.Tell(new Increment());
        await counter.Ask<long>(new Sync(), TimeSpan.FromSeconds(30));
    }
}
