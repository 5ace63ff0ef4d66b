namespace FileSync.Kernel.Tests;

public sealed class ContextTests : TestKit.TestKit
{
    private sealed class Family : ReceiveActor
    {
        public Family()
        {
            Receive<string>(s => s == "spawn", _ =>
            {
                Context.ActorOf(Props.Create<EchoActor>(), "kid");
                Context.ActorOf(Props.Create<EchoActor>());
                Sender.Tell(Context.Children.Count);
            });
            Receive<string>(s => s == "kid?", _ => Sender.Tell(Context.Child("kid") ?? ActorRefs.Nobody));
            Receive<string>(s => s == "parent?", _ => Sender.Tell(Context.Parent));
            Receive<string>(s => s == "stop kid", _ =>
            {
                Context.Stop(Context.Child("kid")!);
                Sender.Tell("stopping");
            });
        }
    }

    [Fact]
    public void Children_are_listed_found_by_name_and_stopped()
    {
        var family = Sys.ActorOf(Props.Create<Family>(), "family");
        family.Tell("spawn", TestActor);
        ExpectMsg(2);
        family.Tell("kid?", TestActor);
        var kid = ExpectMsg<IActorRef>();
        Assert.Equal("/user/family/kid", kid.Path.ToString());
        family.Tell("parent?", TestActor);
        Assert.Equal("/user", ExpectMsg<IActorRef>().Path.ToString());
        Watch(kid);
        family.Tell("stop kid", TestActor);
        ExpectMsg("stopping");
        ExpectTerminated(kid);
        AwaitAssert(() =>
        {
            family.Tell("kid?", TestActor);
            Assert.Same(ActorRefs.Nobody, ExpectMsg<IActorRef>());
        });
    }

    [Fact]
    public async Task Ask_unwraps_Status_Success_and_reports_a_wrong_reply_type()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Assert.Equal(42, await echo.Ask<int>(new Status.Success(42), TimeSpan.FromSeconds(3)));
        var ex = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<int>("text", TimeSpan.FromSeconds(3)));
        Assert.Contains("Int32", ex.Message, StringComparison.Ordinal);
        Assert.Contains("String", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void System_actors_live_under_system()
    {
        var infra = Sys.SystemActorOf(Props.Create<EchoActor>(), "journal");
        Assert.Equal("/system/journal", infra.Path.ToString());
        Assert.Same(infra, Sys.ResolvePath("/system/journal"));
    }

    private sealed class SelfStopper : ReceiveActor
    {
        public SelfStopper(IActorRef report)
        {
            Receive<string>(s => s == "stop", _ =>
            {
                Context.Stop(Self);
                report.Tell("after stop call");
            });
            Receive<string>(s => report.Tell(s));
        }
    }

    [Fact]
    public void Stopping_self_finishes_the_current_message_and_drops_the_rest_to_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SelfStopper(TestActor)));
        Watch(actor);
        EventFilter.DeadLetter<string>().ExpectOne(() =>
        {
            actor.Tell("stop");
            actor.Tell("late");
            ExpectMsg("after stop call");
            ExpectTerminated(actor);
        });
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_a_sentence()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("bad", new KernelSettings { Throughput = 0 }));
        Assert.Contains("Throughput", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));
    }
}
