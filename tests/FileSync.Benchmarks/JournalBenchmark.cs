using System.Diagnostics;
using System.Globalization;
using FileSync.Kernel;
using FileSync.Persistence;
using FileSync.Persistence.Serialization;
using FileSync.TestSupport;

namespace FileSync.Benchmarks;

/// <summary>
/// Journal throughput through persistent actors, on SQLite and PostgreSQL, each against raw ADO.NET inserts into the
/// same table in the same run:
/// (1) one actor persisting sequentially — every Persist waits for its own commit — against raw one-row commits
///     (the like-for-like baseline) and, for reference, raw 100-row commits;
/// (2) 100 actors persisting at once (group commit) against raw 100-row commits.
/// Also prints both actor figures on the in-memory journal: the ceiling the actor path itself allows.
/// Options: [sqlite|postgresql|all, default all] [events per measurement, default 2000].
/// </summary>
public sealed class JournalBenchmark : IBenchmarkSuite
{
    private const int Actors = 100;
    private const int RawBatch = 100;

    public string Name => "journal";

    public string Description => "persisted events/s (1 actor, 100 actors) vs raw INSERTs into the same table, SQLite and PostgreSQL";

    public async Task RunAsync(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "all";
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        events = Math.Max(Actors, events / Actors * Actors);
        var payload = new EventSerializer().Register<JournalBenchRecorded>("bench.recorded").Serialize(new JournalBenchRecorded(1, "bench")).Payload;

        await MeasureActorCeilingAsync(events);
        if (which is "all" or "sqlite")
        {
            using var folder = new TempDirectory("filesync-journal-bench");
            var settings = new PersistenceSettings(PersistenceProvider.Sqlite, $"Data Source={folder.Combine("bench.db")}");
            await MeasureAsync("SQLite", settings, events, payload,
                (rows, perCommit) => JournalRawBaseline.SqliteAsync(settings.ConnectionString, rows, perCommit, payload));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        if (which is "all" or "postgresql")
        {
            var server = await PostgresServer.GetAsync();
            var settings = new PersistenceSettings(PersistenceProvider.PostgreSql, await server.CreateDatabaseAsync("journal_bench"));
            await MeasureAsync("PostgreSQL", settings, events, payload,
                (rows, perCommit) => JournalRawBaseline.PostgresAsync(settings.ConnectionString, rows, perCommit, payload));
        }
    }

    private static async Task MeasureAsync(string label, PersistenceSettings settings, int events, byte[] payload,
        Func<int, int, Task<double>> raw)
    {
        await using var stores = await PersistenceStores.OpenAsync(settings, Path.GetTempPath());
        await using var system = ActorSystem.Create("journal-bench");
        PersistenceExtension.Register(system, stores, new EventSerializer().Register<JournalBenchRecorded>("bench.recorded"), settings);

        // Warm up JIT, connection pools and the table on both paths before timing anything.
        await SequentialAsync(system, 50);
        await raw(RawBatch, 1);
        await raw(RawBatch, RawBatch);

        var sequentialEvents = Math.Max(200, events / 4);
        var rawSingle = await raw(sequentialEvents, 1);
        var sequential = await SequentialAsync(system, sequentialEvents);
        var rawBatched = await raw(events, RawBatch);
        var concurrent = await ConcurrentAsync(system, events);

        Console.WriteLine($"{label} (payload {payload.Length} bytes, batch-size {settings.BatchSize}, durable commits)");
        Console.WriteLine($"  raw INSERT, 1 row per commit:      {rawSingle,10:F0} events/s");
        Console.WriteLine($"  raw INSERT, {RawBatch} rows per commit:  {rawBatched,10:F0} events/s");
        Console.WriteLine($"  1 actor, sequential Persist:        {sequential,10:F0} events/s   ratio {sequential / rawSingle:F2}x vs 1-row commits, {sequential / rawBatched:F2}x vs {RawBatch}-row commits");
        Console.WriteLine($"  {Actors} actors, concurrent Persist:    {concurrent,10:F0} events/s   ratio {concurrent / rawBatched:F2}x vs {RawBatch}-row commits (goal >= 0.5x)");
    }

    private static async Task MeasureActorCeilingAsync(int events)
    {
        var stores = PersistenceStores.InMemory();
        await using var system = ActorSystem.Create("journal-bench-memory");
        PersistenceExtension.Register(system, stores.Journal, stores.Snapshots, new EventSerializer().Register<JournalBenchRecorded>("bench.recorded"));
        await SequentialAsync(system, 200);
        await ConcurrentAsync(system, events);
        var sequential = await SequentialAsync(system, events);
        var concurrent = await ConcurrentAsync(system, events);
        Console.WriteLine("in-memory journal (the actor path alone: Persist, serializer, handler, next command)");
        Console.WriteLine($"  1 actor, sequential Persist:        {sequential,10:F0} events/s");
        Console.WriteLine($"  {Actors} actors, concurrent Persist:    {concurrent,10:F0} events/s");
    }

    private static async Task<double> SequentialAsync(ActorSystem system, int events)
    {
        var actor = system.ActorOf(Props.Create(() => new JournalBenchActor($"seq-{Guid.NewGuid():N}")));
        var watch = Stopwatch.StartNew();
        await actor.Ask<long>(new JournalBenchRun(events), TimeSpan.FromMinutes(5));
        var rate = events / watch.Elapsed.TotalSeconds;
        system.Stop(actor);
        return rate;
    }

    private static async Task<double> ConcurrentAsync(ActorSystem system, int events)
    {
        var perActor = events / Actors;
        var actors = Enumerable.Range(0, Actors)
            .Select(_ => system.ActorOf(Props.Create(() => new JournalBenchActor($"par-{Guid.NewGuid():N}"))))
            .ToList();
        foreach (var actor in actors) await actor.Ask<long>(new JournalBenchRun(1), TimeSpan.FromSeconds(30)); // recovered and ready
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(actors.Select(actor => actor.Ask<long>(new JournalBenchRun(perActor), TimeSpan.FromMinutes(5))));
        var rate = events / watch.Elapsed.TotalSeconds;
        foreach (var actor in actors) system.Stop(actor);
        return rate;
    }
}
