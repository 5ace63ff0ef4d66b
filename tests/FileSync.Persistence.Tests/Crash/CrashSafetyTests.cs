using System.Text.Json;
using FileSync.Persistence.Tests.Providers;
using FileSync.Persistence.Tests.Stores;
using FileSync.TestSupport;
using Xunit.Abstractions;

namespace FileSync.Persistence.Tests.Crash;

/// <summary>
/// Kills a persisting child process with SIGKILL at random moments, restarts it, and checks that every event it
/// acknowledged before the kill is stored and that sequence numbers have no gap. One subclass per SQL provider.
/// Both providers share one xunit collection so they do not run at the same time: each spawns 20 .NET processes,
/// and two cores are not enough for both plus their databases within the time budget.
/// </summary>
[Collection(nameof(CrashSafetyTests))]
public abstract class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Iterations = 20;
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(20);

    protected abstract string ProviderKey { get; }

    protected abstract Task<string> FreshConnectionStringAsync();

    protected abstract IStoreProvider StoreProviderFor(string connectionString);

    [Fact]
    public async Task Crash_kill_during_persist_loses_no_acknowledged_event_and_leaves_no_gap()
    {
        var connectionString = await FreshConnectionStringAsync();
        var id = Events.NewId("crash");
        var worker = RepoPaths.ProjectAssembly("FileSync.Persistence.CrashWorker");
        var random = new Random(12345);
        long highestAcknowledged = 0;

        // The next worker warms up (JIT, connections) while the current one writes, so each iteration costs
        // little more than the writing itself; it only recovers once told "go", after the current one is dead.
        ChildProcess StartWorker() => ChildProcess.StartDotnet(worker, ProviderKey, connectionString, id, "--wait-for-go");
        var next = StartWorker();
        try
        {
            for (var iteration = 0; iteration < Iterations; iteration++)
            {
                using var child = next;
                await child.WaitForLineAsync(l => l == "ready", LineTimeout);
                await child.WriteLineAsync("go");
                var recoveredLine = await child.WaitForLineAsync(l => l.StartsWith("recovered ", StringComparison.Ordinal), LineTimeout);
                var recovered = long.Parse(recoveredLine["recovered ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(recovered >= highestAcknowledged,
                    $"Iteration {iteration}: recovered up to {recovered}, but {highestAcknowledged} had been acknowledged before the kill.");
                next = StartWorker();

                await child.WaitForLineAsync(l => l.StartsWith("ack ", StringComparison.Ordinal), LineTimeout);
                await Task.Delay(random.Next(100, 601));
                child.KillHard();
                var lines = await child.ReadToEndAsync(LineTimeout);

                var acks = lines.Where(l => l.StartsWith("ack ", StringComparison.Ordinal))
                    .Select(l => long.Parse(l[4..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(Enumerable.Range((int)recovered + 1, acks.Count).Select(n => (long)n), acks);
                highestAcknowledged = Math.Max(highestAcknowledged, acks[^1]);
                output.WriteLine($"iteration {iteration}: recovered {recovered}, acknowledged up to {acks[^1]}");
            }
        }
        finally
        {
            next.Dispose();
        }

        await using var stores = await StoreProviderFor(connectionString).OpenAsync();
        var stored = await stores.Journal.ReplayAllAsync(id);
        Assert.True(stored.Count >= highestAcknowledged, $"{stored.Count} events stored, {highestAcknowledged} acknowledged.");
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(i + 1, stored[i].SequenceNr);
            using var payload = JsonDocument.Parse(stored[i].Payload);
            Assert.Equal(i + 1, payload.RootElement.GetProperty("Value").GetInt64());
        }
    }
}

public sealed class SqliteCrashSafetyTests(ITestOutputHelper output) : CrashSafetyTests(output), IDisposable
{
    private readonly TempDirectory _folder = new("filesync-crash");

    protected override string ProviderKey => "sqlite";

    protected override Task<string> FreshConnectionStringAsync() => Task.FromResult($"Data Source={_folder.Combine("crash.db")}");

    protected override IStoreProvider StoreProviderFor(string connectionString) => new FixedSqlite(connectionString);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private sealed class FixedSqlite(string connectionString) : IStoreProvider
    {
        public string Name => "Sqlite";

        public Task<PersistenceStores> OpenAsync(int batchSize = 100) =>
            PersistenceStores.OpenAsync(new PersistenceSettings(PersistenceProvider.Sqlite, connectionString), Path.GetTempPath());
    }
}

public sealed class PostgresCrashSafetyTests(ITestOutputHelper output) : CrashSafetyTests(output)
{
    protected override string ProviderKey => "postgresql";

    protected override async Task<string> FreshConnectionStringAsync() => await (await PostgresServer.GetAsync()).CreateDatabaseAsync("crash");

    protected override IStoreProvider StoreProviderFor(string connectionString) => new FixedPostgres(connectionString);

    private sealed class FixedPostgres(string connectionString) : IStoreProvider
    {
        public string Name => "Postgres";

        public Task<PersistenceStores> OpenAsync(int batchSize = 100) =>
            PersistenceStores.OpenAsync(new PersistenceSettings(PersistenceProvider.PostgreSql, connectionString), Path.GetTempPath());
    }
}
