namespace FileSync.Kernel.Tests;

public sealed class TimerTests : TestKit.TestKit
{
    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        public Ticker(IActorRef report)
        {
            Receive<string>(s => s == "single", _ => Timers.StartSingleTimer("k", "fired", TimeSpan.FromMilliseconds(50)));
            Receive<string>(s => s == "periodic", _ => Timers.StartPeriodicTimer("p", "tick", TimeSpan.FromMilliseconds(30)));
            Receive<string>(s => s == "cancel", _ => Timers.Cancel("p"));
            Receive<string>(s => s == "active?", _ => Sender.Tell(Timers.IsTimerActive("p") || Timers.IsTimerActive("k")));
            Receive<string>(s => s == "replace", _ =>
            {
                Timers.StartSingleTimer("k", "old", TimeSpan.FromMilliseconds(30));
                Timers.StartSingleTimer("k", "new", TimeSpan.FromMilliseconds(60));
            });
            Receive<string>(s => report.Tell(s));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    [Fact]
    public void A_single_timer_fires_once_and_is_then_inactive()
    {
        var ticker = Sys.ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell("single");
        ExpectMsg("fired");
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        ticker.Tell("active?", TestActor);
        ExpectMsg(false);
    }

    [Fact]
    public void Starting_a_timer_with_the_same_key_replaces_it()
    {
        var ticker = Sys.ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell("replace");
        ExpectMsg("new");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_periodic_timer_repeats_until_cancelled()
    {
        var ticker = Sys.ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell("periodic");
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        ticker.Tell("cancel");
        ticker.Tell("active?", TestActor);
        FishForMessage<bool>(active => !active);
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void Timers_stop_with_the_actor()
    {
        var probe = CreateTestProbe();
        var ticker = Sys.ActorOf(Props.Create(() => new Ticker(probe.Ref)));
        ticker.Tell("periodic");
        probe.ExpectMsg("tick");
        Watch(ticker);
        ticker.Tell(PoisonPill.Instance);
        ExpectTerminated(ticker);
        while (probe.ReceiveOne(TimeSpan.Zero) is not null)
        {
            // ticks delivered before the stop
        }

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle(IActorRef report)
        {
            Context.SetReceiveTimeout(TimeSpan.FromMilliseconds(100));
            Receive<ReceiveTimeout>(_ =>
            {
                report.Tell("idle");
                Context.SetReceiveTimeout(null);
            });
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public void Receive_timeout_fires_after_a_quiet_period_and_can_be_turned_off()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle(TestActor)));
        for (var i = 0; i < 5; i++)
        {
            actor.Tell("busy");
            Thread.Sleep(30);
        }

        ExpectMsg("idle", TimeSpan.FromSeconds(2));
        ExpectNoMsg(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public void The_scheduler_sends_once_and_repeatedly_and_can_be_cancelled()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), TestActor, "once");
        ExpectMsg("once");
        var repeating = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), TestActor, "again");
        ExpectMsg("again");
        ExpectMsg("again");
        repeating.Cancel();
        Assert.True(repeating.IsCancellationRequested);
        Thread.Sleep(50);
        while (ReceiveOne(TimeSpan.Zero) is not null)
        {
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
