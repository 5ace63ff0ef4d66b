namespace FileSync.Kernel.Tests;

public sealed class DeathWatchTests : TestKit.TestKit
{
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef report)
        {
            Receive<(string Command, IActorRef Target)>(c => c.Command == "watch", c => Context.Watch(c.Target));
            Receive<(string Command, IActorRef Target)>(c => c.Command == "unwatch", c => Context.Unwatch(c.Target));
            Receive<string>(s => Sender.Tell(s));
            Receive<Terminated>(t => report.Tell(t));
        }
    }

    [Fact]
    public void A_watcher_gets_Terminated_after_the_watched_actor_stops()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>(), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target));
        watcher.Tell("sync", TestActor);
        ExpectMsg("sync");
        Sys.Stop(target);
        Assert.Same(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Watching_an_already_stopped_actor_delivers_Terminated_at_once()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(target);
        target.Tell(PoisonPill.Instance);
        ExpectTerminated(target);
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target));
        Assert.Same(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Unwatch_prevents_the_Terminated_message()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target));
        watcher.Tell(("unwatch", target));
        watcher.Tell("sync", TestActor);
        ExpectMsg("sync");
        Sys.Stop(target);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher(IActorRef target) => Context.Watch(target);
    }

    [Fact]
    public void An_unhandled_Terminated_is_a_death_pact_that_stops_the_watcher()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new CarelessWatcher(target)));
        Watch(watcher);
        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));
        ExpectTerminated(watcher);
    }

    [Fact]
    public void Messages_sent_before_stopping_arrive_before_Terminated()
    {
        var sender = Sys.ActorOf(Props.Create(() => new ForwardingActor(TestActor)));
        Watch(sender);
        for (var i = 0; i < 100; i++) sender.Tell(i);
        sender.Tell(PoisonPill.Instance);
        for (var i = 0; i < 100; i++) ExpectMsg(i);
        ExpectTerminated(sender);
    }
}
