namespace FileSync.Kernel.Tests;

public sealed class AsyncHandlerTests : TestKit.TestKit
{
    private sealed class SlowAsyncActor : ReceiveActor
    {
        private int _inside;

        public SlowAsyncActor(IActorRef report)
        {
            ReceiveAsync<int>(async n =>
            {
                if (Interlocked.Increment(ref _inside) != 1) report.Tell("overlap");
                var before = Sender;
                await Task.Delay(5);
                await Task.Yield();
                if (!ReferenceEquals(before, Sender)) report.Tell("sender changed");
                Interlocked.Decrement(ref _inside);
                Sender.Tell(n);
            });
        }
    }

    [Fact]
    public void Async_handlers_process_one_message_at_a_time_and_keep_the_sender_across_awaits()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SlowAsyncActor(TestActor)));
        for (var i = 0; i < 20; i++) actor.Tell(i, TestActor);
        for (var i = 0; i < 20; i++) ExpectMsg(i);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed class AsyncStartActor : ReceiveActor
    {
        private bool _ready;

        public AsyncStartActor() => Receive<string>(_ => Sender.Tell(_ready ? "ready" : "too early"));

        protected override async ValueTask AroundPreStart()
        {
            await Task.Delay(100);
            _ready = true;
            await base.AroundPreStart();
        }
    }

    [Fact]
    public void AroundPreStart_holds_user_messages_until_it_completes()
    {
        var actor = Sys.ActorOf(Props.Create<AsyncStartActor>());
        actor.Tell("are you ready?", TestActor);
        ExpectMsg("ready");
    }

    private sealed class WrappingActor : ReceiveActor
    {
        public WrappingActor() => Receive<string>(s => Sender.Tell("handled " + s));

        protected override async ValueTask AroundReceive(object message)
        {
            Sender.Tell("before " + message);
            await Task.Delay(10);
            await Dispatch(message);
            Sender.Tell("after " + message);
        }
    }

    [Fact]
    public void AroundReceive_can_wrap_dispatch_with_async_work()
    {
        var actor = Sys.ActorOf(Props.Create<WrappingActor>());
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        foreach (var expected in new[] { "before a", "handled a", "after a", "before b", "handled b", "after b" }) ExpectMsg(expected);
    }

    private sealed class FaultingAsyncActor : ReceiveActor
    {
        public FaultingAsyncActor(IActorRef report)
        {
            ReceiveAsync<string>(async s =>
            {
                await Task.Delay(5);
                throw new InvalidOperationException("async " + s);
            });
            Receive<int>(n => report.Tell(n));
        }

        protected override void PostRestart(Exception reason) => Context.System.EventStream.Publish(reason.Message);
    }

    [Fact]
    public void A_faulted_async_handler_is_a_failure_for_the_supervisor()
    {
        Sys.EventStream.Subscribe<string>(TestActor);
        var actor = Sys.ActorOf(Props.Create(() => new FaultingAsyncActor(TestActor)));
        EventFilter.Exception<InvalidOperationException>("async x").ExpectOne(() => actor.Tell("x"));
        ExpectMsg("async x");
        actor.Tell(7);
        ExpectMsg(7);
    }
}
