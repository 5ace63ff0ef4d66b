namespace FileSync.Kernel.Tests;

public sealed class OrderingGuaranteeTests : TestKit.TestKit
{
    private sealed record Numbered(int Sender, int Sequence);

    private sealed record Report(bool InOrder, int Received, int MaxConcurrency);

    /// <summary>Checks per-sender order and counts how many threads were ever inside the handler at once.</summary>
    private sealed class OrderCheckingActor : ReceiveActor
    {
        private readonly int[] _next;
        private int _inside;
        private int _maxInside;
        private int _received;
        private bool _inOrder = true;

        public OrderCheckingActor(int senders)
        {
            _next = new int[senders];
            Receive<Numbered>(m =>
            {
                var now = Interlocked.Increment(ref _inside);
                if (now > _maxInside) _maxInside = now;
                if (_next[m.Sender] != m.Sequence) _inOrder = false;
                _next[m.Sender] = m.Sequence + 1;
                _received++;
                Interlocked.Decrement(ref _inside);
            });
            Receive<string>(_ => Sender.Tell(new Report(_inOrder, _received, _maxInside)));
        }
    }

    [Fact]
    public async Task Four_concurrent_senders_of_100000_messages_each_arrive_in_order_one_at_a_time()
    {
        const int senders = 4;
        const int perSender = 100_000;
        var actor = Sys.ActorOf(Props.Create(() => new OrderCheckingActor(senders)));
        var producers = Enumerable.Range(0, senders)
            .Select(s => Task.Run(() =>
            {
                for (var i = 0; i < perSender; i++) actor.Tell(new Numbered(s, i));
            }))
            .ToArray();
        await Task.WhenAll(producers);

        Report report = null!;
        AwaitAssert(() =>
        {
            report = actor.Ask<Report>("report", TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            Assert.Equal(senders * perSender, report.Received);
        }, TimeSpan.FromSeconds(20));
        Assert.True(report.InOrder, "messages from one sender arrived out of order");
        Assert.Equal(1, report.MaxConcurrency);
    }

    private sealed class ConcurrencyProbeActor : ReceiveActor
    {
        private int _inside;
        private int _maxInside;

        public ConcurrencyProbeActor()
        {
            Receive<int>(n => n % 2 == 0, _ => Enter());
            ReceiveAsync<int>(async _ =>
            {
                Enter(leave: false);
                await Task.Yield();
                Interlocked.Decrement(ref _inside);
            });
            Receive<string>(_ => Sender.Tell(_maxInside));
        }

        private void Enter(bool leave = true)
        {
            var now = Interlocked.Increment(ref _inside);
            if (now > _maxInside) _maxInside = now;
            Thread.SpinWait(50);
            if (leave) Interlocked.Decrement(ref _inside);
        }
    }

    [Fact]
    public async Task No_handler_is_ever_entered_concurrently_even_with_async_handlers_and_many_senders()
    {
        var actor = Sys.ActorOf(Props.Create<ConcurrencyProbeActor>(), "probe");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++) actor.Tell(i);
        })));
        var max = await actor.Ask<int>("max?", TimeSpan.FromSeconds(20));
        Assert.Equal(1, max);
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(IActorRef report) => ReceiveAny(m => report.Tell(m));
    }

    [Fact]
    public void A_mailbox_with_throughput_one_still_delivers_everything_in_order()
    {
        var props = Props.Create(() => new Recorder(TestActor)).WithMailbox(new MailboxSettings(Throughput: 1));
        var actor = Sys.ActorOf(props);
        for (var i = 0; i < 50; i++) actor.Tell(i);
        Assert.Equal(Enumerable.Range(0, 50).Cast<object>(), ReceiveN(50));
    }
}
