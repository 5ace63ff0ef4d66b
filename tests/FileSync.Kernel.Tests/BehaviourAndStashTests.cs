namespace FileSync.Kernel.Tests;

public sealed class BehaviourAndStashTests : TestKit.TestKit
{
    private sealed class Door : ReceiveActor
    {
        public Door()
        {
            Receive<string>(s => s == "open", _ => Become(Opened));
            Receive<string>(s => Sender.Tell("closed: " + s));
        }

        private void Opened()
        {
            Receive<string>(s => s == "close", _ => Become(() => Receive<string>(s2 => Sender.Tell("closed again: " + s2))));
            Receive<string>(s => Sender.Tell("open: " + s));
        }
    }

    [Fact]
    public void Become_switches_handlers_for_later_messages()
    {
        var door = Sys.ActorOf(Props.Create<Door>());
        door.Tell("knock", TestActor);
        door.Tell("open", TestActor);
        door.Tell("walk", TestActor);
        door.Tell("close", TestActor);
        door.Tell("knock", TestActor);
        ExpectMsg("closed: knock");
        ExpectMsg("open: walk");
        ExpectMsg("closed again: knock");
    }

    private sealed class Layered : ReceiveActor
    {
        public Layered()
        {
            Receive<string>(s => s == "push", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "pop", _ => UnbecomeStacked());
                Receive<string>(s => Sender.Tell("top " + s));
            }));
            Receive<string>(s => Sender.Tell("base " + s));
        }
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_return_to_the_previous_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create<Layered>());
        foreach (var m in new[] { "a", "push", "b", "pop", "c" }) actor.Tell(m, TestActor);
        ExpectMsg("base a");
        ExpectMsg("top b");
        ExpectMsg("base c");
    }

    [Fact]
    public void Context_Become_with_a_plain_handler_and_Unbecome()
    {
        var actor = Sys.ActorOf(Props.Create(() => new PlainActor()));
        actor.Tell("x", TestActor);
        actor.Tell("switch", TestActor);
        actor.Tell("y", TestActor);
        actor.Tell("back", TestActor);
        actor.Tell("z", TestActor);
        ExpectMsg("plain x");
        ExpectMsg("switched y");
        ExpectMsg("plain z");
    }

    private sealed class PlainActor : ActorBase
    {
        protected override bool Receive(object message)
        {
            if (message is "switch")
            {
                Context.BecomeStacked(m =>
                {
                    if (m is "back") Context.Unbecome();
                    else Sender.Tell("switched " + m);
                    return true;
                });
                return true;
            }

            Sender.Tell("plain " + message);
            return true;
        }
    }

    private sealed class Gate : ReceiveActor
    {
        public Gate()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<int>(n => Sender.Tell(n)));
                Stash.UnstashAll();
            });
            Receive<int>(_ => Stash.Stash());
        }
    }

    [Fact]
    public void Unstashed_messages_come_back_in_order_before_later_ones()
    {
        var gate = Sys.ActorOf(Props.Create<Gate>());
        for (var i = 0; i < 5; i++) gate.Tell(i, TestActor);
        gate.Tell("open", TestActor);
        gate.Tell(5, TestActor);
        for (var i = 0; i < 6; i++) ExpectMsg(i);
    }

    private sealed class OneByOne : ReceiveActor
    {
        public OneByOne()
        {
            Receive<string>(s => s == "next", _ => Stash.Unstash());
            Receive<int>(n => n >= 0, n =>
            {
                if (n < 100) Stash.Stash();
                else Sender.Tell(n);
            });
            Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count));
        }
    }

    [Fact]
    public void Unstash_returns_the_oldest_message_first()
    {
        var actor = Sys.ActorOf(Props.Create<OneByOne>());
        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell("count", TestActor);
        ExpectMsg(2);
        actor.Tell("next", TestActor);
        actor.Tell("count", TestActor);
        ExpectMsg(2); // 1 came back and was stashed again (at the end)
    }

    private sealed class StashThenFail : ReceiveActor
    {
        public StashThenFail()
        {
            Receive<int>(_ => Stash.Stash());
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
        }

        protected override void PostRestart(Exception reason) => Become(() => Receive<int>(n => Context.System.EventStream.Publish(n)));
    }

    [Fact]
    public void Stashed_messages_return_to_the_mailbox_on_restart()
    {
        Sys.EventStream.Subscribe<int>(TestActor);
        var actor = Sys.ActorOf(Props.Create<StashThenFail>());
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell("fail");
        ExpectMsg(1);
        ExpectMsg(2);
    }

    [Fact]
    public void Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var actor = Sys.ActorOf(Props.Create<Gate>());
        EventFilter.DeadLetter<int>().Expect(2, () =>
        {
            actor.Tell(1);
            actor.Tell(2);
            actor.Tell(PoisonPill.Instance);
        });
    }
}
