using System.Collections.Concurrent;

namespace FileSync.Kernel.Tests;

public sealed class ShutdownTests
{
    private sealed class Node : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stops;
        private readonly int _depth;

        public Node(ConcurrentQueue<string> stops, int depth)
        {
            _stops = stops;
            _depth = depth;
        }

        protected override void PreStart()
        {
            if (_depth == 0) return;
            Context.ActorOf(Props.Create(() => new Node(_stops, _depth - 1)), "left");
            Context.ActorOf(Props.Create(() => new Node(_stops, _depth - 1)), "right");
        }

        protected override void PostStop()
        {
            Thread.Sleep(5); // a slow PostStop must still be awaited
            _stops.Enqueue(Self.Path.ToString());
        }
    }

    private sealed class SlowAsyncStop : ReceiveActor
    {
        public SlowAsyncStop(ConcurrentQueue<string> stops, TaskCompletionSource started)
        {
            ReceiveAsync<string>(async _ =>
            {
                started.SetResult();
                await Task.Delay(200);
                stops.Enqueue("async handler finished");
            });
            PostStopAction = () => stops.Enqueue("slow PostStop");
        }

        private Action PostStopAction { get; }

        protected override void PostStop() => PostStopAction();
    }

    [Fact]
    public async Task Terminate_stops_children_before_parents_and_awaits_every_PostStop()
    {
        var stops = new ConcurrentQueue<string>();
        var system = ActorSystem.Create("shutdown");
        system.ActorOf(Props.Create(() => new Node(stops, 2)), "a");
        system.ActorOf(Props.Create(() => new Node(stops, 1)), "b");
        var systemActor = system.SystemActorOf(Props.Create(() => new Node(stops, 0)), "infra");
        await WaitUntil(() => system.ResolvePath("/user/a/left/right") is not null && system.ResolvePath("/user/b/right") is not null);

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        var order = stops.ToList();
        Assert.Equal(7 + 3 + 1, order.Count);
        foreach (var path in order)
        {
            var parent = path[..path.LastIndexOf('/')];
            if (order.Contains(parent)) Assert.True(order.IndexOf(path) < order.IndexOf(parent), $"{path} stopped after its parent");
        }

        Assert.Equal(systemActor.Path.ToString(), order[^1]); // /system stops after all of /user
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Terminate_waits_for_a_running_async_handler_before_PostStop()
    {
        var stops = new ConcurrentQueue<string>();
        var system = ActorSystem.Create("shutdown");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new SlowAsyncStop(stops, started)));
        actor.Tell("work");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["async handler finished", "slow PostStop"], stops.ToArray());
    }

    [Fact]
    public async Task No_actors_can_be_started_once_terminating()
    {
        var system = ActorSystem.Create("shutdown");
        await system.Terminate();
        var ex = Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create<EchoActor>()));
        Assert.Contains("terminating", ex.Message, StringComparison.Ordinal);
    }

    private sealed class Stuck : ReceiveActor
    {
        public Stuck() => ReceiveAsync<string>(_ => new TaskCompletionSource().Task);
    }

    [Fact]
    public async Task Terminate_gives_up_after_the_shutdown_timeout()
    {
        var system = ActorSystem.Create("shutdown", new KernelSettings { ShutdownTimeout = TimeSpan.FromMilliseconds(300) });
        system.ActorOf(Props.Create<Stuck>(), "stuck").Tell("hang");
        await Task.Delay(20);
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Terminate_completes_while_other_threads_keep_starting_actors()
    {
        var system = ActorSystem.Create("race");
        using var stop = new CancellationTokenSource();
        var spawners = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var started = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    system.ActorOf(Props.Create<EchoActor>());
                    started++;
                }
                catch (InvalidOperationException)
                {
                    break; // the system said it is terminating
                }
            }

            return started;
        })).ToArray();
        await Task.Delay(50);

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        var started = await Task.WhenAll(spawners);
        Assert.True(started.Sum() > 0);
        Assert.Empty(system.Snapshot().Children); // /user and /system are gone: every actor stopped
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the actor tree did not start in time");
    }
}
