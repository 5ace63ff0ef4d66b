namespace FileSync.Kernel.Tests;

public sealed class SupervisionDirectiveTests : TestKit.TestKit
{
    private (IActorRef Parent, IActorRef Child) Start(SupervisorStrategy strategy, Props child, string name = "child")
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        parent.Tell((child, name), TestActor);
        return (parent, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Restart_keeps_the_messages_queued_behind_the_failing_one()
    {
        var (_, child) = Start(new OneForOneStrategy(_ => Directive.Restart), Props.Create(() => new FailingActor(TestActor)));
        ExpectMsg("PreStart");
        child.Tell(new InvalidOperationException("boom"));
        for (var i = 0; i < 5; i++) child.Tell("m" + i);
        FishForMessage<string>(s => s == "PreStart");
        for (var i = 0; i < 5; i++) ExpectMsg("got m" + i);
    }

    [Fact]
    public void Escalate_hands_the_failure_to_the_grandparent()
    {
        // grandparent restarts on anything; parent escalates; so the parent (and with it the child) restarts.
        var grandparent = Sys.ActorOf(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Restart))), "gp");
        grandparent.Tell((Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Escalate))), "parent"), TestActor);
        var parent = ExpectMsg<IActorRef>();
        parent.Tell((Props.Create(() => new FailingActor(TestActor)), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        ExpectMsg("PreStart");
        Watch(child);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell(new InvalidOperationException("up")));
        ExpectMsg("PostStop"); // the parent's restart stopped its children
        ExpectTerminated(child);
        Assert.NotNull(Sys.ResolvePath("/user/gp/parent"));
        Assert.Null(Sys.ResolvePath("/user/gp/parent/child"));
    }

    [Fact]
    public void All_for_one_restarts_every_sibling()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Restart))));
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        parent.Tell((Props.Create(() => new FailingActor(a.Ref)), "a"), TestActor);
        var childA = ExpectMsg<IActorRef>();
        parent.Tell((Props.Create(() => new FailingActor(b.Ref)), "b"), TestActor);
        ExpectMsg<IActorRef>();
        a.ExpectMsg("PreStart");
        b.ExpectMsg("PreStart");

        childA.Tell(new InvalidOperationException("one fails"));
        b.FishForMessage<string>(s => s.StartsWith("PostRestart", StringComparison.Ordinal));
        b.ExpectMsg("PreStart");
        a.FishForMessage<string>(s => s.StartsWith("PostRestart", StringComparison.Ordinal));
        a.ExpectMsg("PreStart");
    }

    [Fact]
    public void All_for_one_stop_stops_every_sibling()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Stop))));
        parent.Tell((Props.Create(() => new FailingActor()), "a"), TestActor);
        var a = ExpectMsg<IActorRef>();
        parent.Tell((Props.Create(() => new FailingActor()), "b"), TestActor);
        var b = ExpectMsg<IActorRef>();
        Watch(a);
        Watch(b);
        a.Tell(new InvalidOperationException("one fails"));
        var stopped = new[] { ExpectMsg<Terminated>().ActorRef, ExpectMsg<Terminated>().ActorRef };
        Assert.Contains(a, stopped);
        Assert.Contains(b, stopped);
    }

    [Fact]
    public void More_restarts_than_allowed_within_the_window_stop_the_child()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var (_, child) = Start(strategy, Props.Create(() => new FailingActor()));
        Watch(child);
        child.Tell(new InvalidOperationException("1"));
        child.Tell(new InvalidOperationException("2"));
        child.Tell("state", TestActor);
        ExpectMsg(0); // still alive after two restarts
        EventFilter.Error("exceeded 2 restart(s)").ExpectOne(() => child.Tell(new InvalidOperationException("3")));
        ExpectTerminated(child);
    }

    [Fact]
    public void Restarts_spread_beyond_the_window_are_allowed_again()
    {
        var window = Dilated(TimeSpan.FromMilliseconds(500));
        var strategy = new OneForOneStrategy(1, window, _ => Directive.Restart);
        var (_, child) = Start(strategy, Props.Create(() => new FailingActor()));
        Watch(child);
        child.Tell(new InvalidOperationException("1"));
        child.Tell("state", TestActor);
        ExpectMsg(0);
        Thread.Sleep(window + TimeSpan.FromMilliseconds(100));
        child.Tell(new InvalidOperationException("2"));
        child.Tell("state", TestActor);
        ExpectMsg(0);
        child.Tell(new InvalidOperationException("3")); // second within the window: over the limit
        ExpectTerminated(child);
    }

    private sealed class BrokenStart : ReceiveActor
    {
        protected override void PreStart() => throw new InvalidOperationException("cannot start");
    }

    [Fact]
    public void A_failing_PreStart_stops_the_actor_under_the_default_strategy()
    {
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() =>
        {
            var actor = Sys.ActorOf(Props.Create<BrokenStart>());
            Watch(actor);
        });
        ExpectMsg<Terminated>();
    }

    private sealed class ThrowingCtor : ReceiveActor
    {
        public ThrowingCtor() => throw new InvalidOperationException("ctor");
    }

    [Fact]
    public void A_throwing_constructor_is_reported_and_the_actor_stops()
    {
        IActorRef? actor = null;
        EventFilter.Exception<ActorInitializationException>("ctor").ExpectOne(() => actor = Sys.ActorOf(Props.Create<ThrowingCtor>()));
        AwaitCondition(() => Sys.ResolvePath(actor!.Path.ToString()) is null);
    }
}
