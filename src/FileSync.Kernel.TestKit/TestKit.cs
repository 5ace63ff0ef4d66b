using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FileSync.Kernel.TestKit;

/// <summary>Base class for actor tests (xunit): a fresh <see cref="ActorSystem"/> per test (<see cref="Sys"/>), a
/// default probe (<see cref="TestActor"/>) with the usual expectations, and timeouts dilated by
/// <c>FILESYNC_TEST_TIMEFACTOR</c>. Kernel logs go to the test output when one is given.</summary>
public abstract class TestKit : IDisposable
{
    private readonly TestProbe _testActor;
    private int _probeCounter;
    private bool _disposed;

    static TestKit()
    {
        // Test threads block in ExpectMsg while actors need pool threads; without spare threads the pool
        // injects them slowly (about one per half second) and tests crawl on small machines.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
    }

    protected TestKit(ITestOutputHelper? output = null, KernelSettings? settings = null, TestKitSettings? testKitSettings = null)
    {
        TestKitSettings = testKitSettings ?? TestKitSettings.FromEnvironment();
        ILoggerFactory? loggerFactory = output is null ? null : new TestOutputLoggerFactory(output, LogLevel.Information);
        Sys = ActorSystem.Create("test", settings, loggerFactory);
        _testActor = new TestProbe(Sys, TestKitSettings, "testActor");
        EventFilter = new EventFilterFactory(Sys, TestKitSettings);
    }

    public ActorSystem Sys { get; }

    public TestKitSettings TestKitSettings { get; }

    /// <summary>The default probe's reference: use it as the sender or recipient to assert with <see cref="ExpectMsg{T}(Func{T,bool}?,TimeSpan?)"/>.</summary>
    public IActorRef TestActor => _testActor.Ref;

    public IActorRef LastSender => _testActor.LastSender;

    public EventFilterFactory EventFilter { get; }

    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, TestKitSettings, name ?? "probe" + Interlocked.Increment(ref _probeCounter));

    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    public T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null) => _testActor.ExpectMsg(predicate, timeout);

    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => _testActor.ExpectMsg(expected, timeout);

    public T FishForMessage<T>(Func<T, bool> predicate, TimeSpan? timeout = null) => _testActor.FishForMessage(predicate, timeout);

    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => _testActor.ReceiveN(count, timeout);

    public object? ReceiveOne(TimeSpan? timeout = null) => _testActor.ReceiveOne(timeout);

    public void ExpectNoMsg(TimeSpan? duration = null) => _testActor.ExpectNoMsg(duration);

    /// <summary>Watches <paramref name="actor"/> from <see cref="TestActor"/>.</summary>
    public IActorRef Watch(IActorRef actor) => _testActor.Watch(actor);

    public void Unwatch(IActorRef actor) => _testActor.Unwatch(actor);

    /// <summary>Expects <see cref="TestActor"/> to be told that <paramref name="actor"/> stopped; watch it first with <see cref="Watch"/>.</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) => _testActor.ExpectTerminated(actor, timeout);

    public void Reply(object message) => _testActor.Reply(message);

    public void Within(TimeSpan max, Action action) => _testActor.Within(max, action);

    public T Within<T>(TimeSpan max, Func<T> action) => _testActor.Within(max, action);

    /// <summary>Retries <paramref name="assertion"/> until it stops throwing or the (dilated) time is up, then rethrows.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var watch = Stopwatch.StartNew();
        var limit = _testActor.RemainingOrDefault(duration);
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (watch.Elapsed < limit)
            {
                Thread.Sleep(pause);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true, failing after the (dilated) time.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var watch = Stopwatch.StartNew();
        var limit = _testActor.RemainingOrDefault(max);
        while (!condition())
        {
            if (watch.Elapsed >= limit)
                throw new XunitException($"Condition not met within {limit.TotalMilliseconds:0} ms{(message is null ? "" : ": " + message)}.");
            Thread.Sleep(10);
        }
    }

    /// <summary>Terminates <see cref="Sys"/> and waits for it (up to the kernel's shutdown timeout).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed) return;
        _disposed = true;
        if (disposing) Sys.Terminate().Wait(Sys.Settings.ShutdownTimeout + TimeSpan.FromSeconds(1));
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
