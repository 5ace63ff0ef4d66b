namespace FileSync.Kernel.Tests;

public sealed class SupervisionTests : TestKit.TestKit
{
    private IActorRef StartChild(SupervisorStrategy strategy, Props child, string name = "child")
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        parent.Tell((child, name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    [Fact]
    public void Restart_makes_a_fresh_instance_and_runs_the_restart_hooks_in_order()
    {
        var child = StartChild(new OneForOneStrategy(_ => Directive.Restart), Props.Create(() => new FailingActor(TestActor)));
        ExpectMsg("PreStart");
        child.Tell("one");
        ExpectMsg("got one");
        child.Tell(new InvalidOperationException("boom"));
        ExpectMsg<string>(s => s.StartsWith("PreRestart boom System.InvalidOperationException", StringComparison.Ordinal));
        ExpectMsg("PostStop");
        ExpectMsg("PostRestart boom");
        ExpectMsg("PreStart");
        child.Tell("state", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var child = StartChild(new OneForOneStrategy(_ => Directive.Resume), Props.Create(() => new FailingActor()));
        child.Tell("one");
        child.Tell(new InvalidOperationException("boom"));
        child.Tell("two");
        child.Tell("state", TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public void Stop_directive_stops_the_child()
    {
        var child = StartChild(new OneForOneStrategy(_ => Directive.Stop), Props.Create(() => new FailingActor()));
        Watch(child);
        child.Tell(new InvalidOperationException("boom"));
        ExpectTerminated(child);
    }
}

public sealed class StrategySourceTests : TestKit.TestKit
{
    [Fact]
    public void A_strategy_on_the_props_overrides_the_actors_own()
    {
        // The Supervisor actor itself says Resume; its props say Stop, and the props win.
        var props = Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Resume)))
            .WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        var parent = Sys.ActorOf(props);
        parent.Tell(Props.Create(() => new FailingActor()), TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(child);
        child.Tell(new InvalidOperationException("boom"));
        ExpectTerminated(child);
    }

    private sealed class FailingAsyncStart : ReceiveActor
    {
        protected override async ValueTask AroundPreStart()
        {
            await Task.Delay(10);
            throw new InvalidOperationException("recovery failed");
        }
    }

    [Fact]
    public void A_faulted_async_AroundPreStart_is_an_initialization_failure()
    {
        IActorRef? actor = null;
        EventFilter.Exception<ActorInitializationException>("recovery failed").ExpectOne(() => actor = Sys.ActorOf(Props.Create<FailingAsyncStart>()));
        AwaitCondition(() => Sys.ResolvePath(actor!.Path.ToString()) is null);
    }

    [Fact]
    public void A_decider_that_throws_escalates()
    {
        var grandparent = Sys.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.StoppingStrategy)));
        grandparent.Tell((Props.Create(() => new Supervisor(new OneForOneStrategy(_ => throw new InvalidOperationException("bad decider")))), "p"), TestActor);
        var parent = ExpectMsg<IActorRef>();
        parent.Tell(Props.Create(() => new FailingActor()), TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(parent);
        child.Tell(new InvalidOperationException("boom"));
        ExpectTerminated(parent); // the escalated failure reached the grandparent, which stops
    }
}
