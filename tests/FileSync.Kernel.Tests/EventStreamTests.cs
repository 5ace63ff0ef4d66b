using Microsoft.Extensions.Logging;

namespace FileSync.Kernel.Tests;

public sealed class EventStreamTests : TestKit.TestKit
{
    private abstract record Animal;

    private sealed record Cat : Animal;

    private sealed record Dog : Animal;

    [Fact]
    public void Subscribers_get_events_assignable_to_their_type()
    {
        Sys.EventStream.Subscribe<Cat>(TestActor);
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<Animal>(probe.Ref);
        Sys.EventStream.Publish(new Dog());
        Sys.EventStream.Publish(new Cat());
        ExpectMsg<Cat>();
        probe.ExpectMsg<Dog>();
        probe.ExpectMsg<Cat>();
        Sys.EventStream.Unsubscribe(TestActor);
        Sys.EventStream.Publish(new Cat());
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Delegate_subscriptions_end_when_disposed()
    {
        var seen = 0;
        var subscription = Sys.EventStream.Subscribe<Cat>(_ => Interlocked.Increment(ref seen));
        Sys.EventStream.Publish(new Cat());
        subscription.Dispose();
        Sys.EventStream.Publish(new Cat());
        Assert.Equal(1, seen);
    }

    [Fact]
    public void Messages_to_a_stopped_actor_become_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        actor.Tell("late", TestActor);
        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("late", dead.Message);
        Assert.Same(actor, dead.Recipient);
        Assert.Same(TestActor, dead.Sender);
    }

    [Fact]
    public void Unhandled_messages_are_published()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ForwardingActorOfStrings(TestActor)));
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);
        actor.Tell(42, TestActor);
        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Same(actor, unhandled.Recipient);
    }

    private sealed class ForwardingActorOfStrings : ReceiveActor
    {
        public ForwardingActorOfStrings(IActorRef target) => Receive<string>(s => target.Tell(s));
    }

    private sealed class Chatty : ReceiveActor
    {
        public Chatty() => Receive<string>(s => Context.Log.Warning("careful: " + s));
    }

    [Fact]
    public async Task Actor_logs_are_published_and_written_to_the_logger()
    {
        var logger = new ListLoggerFactory();
        var system = ActorSystem.Create("logs", loggerFactory: logger);
        try
        {
            var events = new List<Warning>();
            system.EventStream.Subscribe<Warning>(w =>
            {
                lock (events) events.Add(w);
            });
            system.ActorOf(Props.Create<Chatty>(), "chatty").Tell("wet floor");
            AwaitCondition(() =>
            {
                lock (events) return logger.Lines.Count > 0 && events.Count > 0;
            });
            lock (events) Assert.Equal("/user/chatty", Assert.Single(events).LogSource);
            Assert.Contains("careful: wet floor", logger.Lines.Single(), StringComparison.Ordinal);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    private sealed class ListLoggerFactory : ILoggerFactory, ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines) return [.. _lines];
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines) _lines.Add(formatter(state, exception));
        }
    }
}
