using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using FileSync.Kernel;

namespace FileSync.Benchmarks;

/// <summary>Kernel message throughput against a raw <see cref="Channel"/> single-reader hand-off in the same run:
/// (1) one sender telling one actor, (2) N actor pairs playing ping-pong. Options: <c>--messages N</c>
/// (one-way count, default 5,000,000), <c>--pairs N</c> (default 4), <c>--hops N</c> per pair (default 200,000),
/// <c>--rounds N</c> (default 3; the median is reported), <c>--throughput N</c> (mailbox batch, default 30).</summary>
public sealed class MessagingBenchmark : IBenchmarkSuite
{
    public string Name => "messaging";

    public string Description => "actor Tell throughput (1->1 and ping-pong pairs) vs System.Threading.Channels hand-off";

    public async Task RunAsync(string[] args)
    {
        var options = MessagingOptions.Parse(args);
        Console.WriteLine($"messages={options.Messages:N0} pairs={options.Pairs} hops/pair={options.Hops:N0} rounds={options.Rounds} throughput={options.Throughput} cores={Environment.ProcessorCount}");

        await Report("1 sender -> 1 actor", options, () => OneToOneActor(options), () => OneToOneChannel(options));
        await Report($"{options.Pairs} ping-pong pairs", options, () => PingPongActors(options), () => PingPongChannels(options));
    }

    private static async Task Report(string scenario, MessagingOptions options, Func<Task<double>> actor, Func<Task<double>> channel)
    {
        await actor();
        await channel(); // warm-up (JIT, thread pool)
        var actorRates = new List<double>();
        var channelRates = new List<double>();
        for (var i = 0; i < options.Rounds; i++)
        {
            actorRates.Add(await actor());
            channelRates.Add(await channel());
        }

        var a = Median(actorRates);
        var c = Median(channelRates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario,-22} actors {a / 1e6,7:F2} M msg/s | channel baseline {c / 1e6,7:F2} M msg/s | ratio {a / c:F2}x (goal >= 0.50x)"));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static async Task<double> OneToOneActor(MessagingOptions options)
    {
        var system = ActorSystem.Create("bench", new KernelSettings { Throughput = options.Throughput });
        try
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var counter = system.ActorOf(Props.Create(() => new CountingActor(options.Messages, done)));
            var message = new object();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < options.Messages; i++) counter.Tell(message);
            await done.Task.ConfigureAwait(false);
            return options.Messages / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static async Task<double> OneToOneChannel(MessagingOptions options)
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            var count = 0;
            while (await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out _))
                {
                    if (++count == options.Messages) return;
                }
            }
        });
        var message = new object();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < options.Messages; i++) channel.Writer.TryWrite(message);
        await reader.ConfigureAwait(false);
        return options.Messages / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> PingPongActors(MessagingOptions options)
    {
        var system = ActorSystem.Create("bench", new KernelSettings { Throughput = options.Throughput });
        try
        {
            var finished = new CountdownEvent(options.Pairs);
            var pairs = Enumerable.Range(0, options.Pairs).Select(i => (
                Ping: system.ActorOf(Props.Create(() => new BouncingActor(finished)), "ping" + i),
                Pong: system.ActorOf(Props.Create(() => new BouncingActor(finished)), "pong" + i))).ToList();
            var watch = Stopwatch.StartNew();
            foreach (var (ping, pong) in pairs) ping.Tell(new Ball(options.Hops), pong);
            await Task.Run(() => finished.Wait()).ConfigureAwait(false);
            return (double)options.Pairs * options.Hops / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static async Task<double> PingPongChannels(MessagingOptions options)
    {
        var tasks = new List<Task>();
        var watch = Stopwatch.StartNew();
        for (var p = 0; p < options.Pairs; p++)
        {
            var toPing = Channel.CreateUnbounded<Ball>(new UnboundedChannelOptions { SingleReader = true });
            var toPong = Channel.CreateUnbounded<Ball>(new UnboundedChannelOptions { SingleReader = true });
            tasks.Add(Task.Run(() => Bounce(toPing.Reader, toPong.Writer)));
            tasks.Add(Task.Run(() => Bounce(toPong.Reader, toPing.Writer)));
            toPing.Writer.TryWrite(new Ball(options.Hops));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return (double)options.Pairs * options.Hops / watch.Elapsed.TotalSeconds;

        static async Task Bounce(ChannelReader<Ball> inbox, ChannelWriter<Ball> other)
        {
            while (true)
            {
                var ball = await inbox.ReadAsync().ConfigureAwait(false);
                if (ball.Remaining <= 1)
                {
                    other.TryWrite(new Ball(0)); // let the partner stop too
                    return;
                }

                other.TryWrite(new Ball(ball.Remaining - 1));
            }
        }
    }

    private sealed record Ball(int Remaining);

    private sealed class CountingActor : ReceiveActor
    {
        public CountingActor(int expected, TaskCompletionSource done)
        {
            var count = 0;
            ReceiveAny(_ =>
            {
                if (++count == expected) done.TrySetResult();
            });
        }
    }

    private sealed class BouncingActor : ReceiveActor
    {
        public BouncingActor(CountdownEvent finished) => Receive<Ball>(ball =>
        {
            if (ball.Remaining <= 1) finished.Signal();
            else Sender.Tell(new Ball(ball.Remaining - 1), Self);
        });
    }
}
