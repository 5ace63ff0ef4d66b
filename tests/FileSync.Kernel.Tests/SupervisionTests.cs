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
