namespace FileSync.Kernel.Tests;

/// <summary>Small actors shared by several tests.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Replies to every message with the message forwarded to a fixed target (so the test sees it).</summary>
internal sealed class ForwardingActor : ReceiveActor
{
    public ForwardingActor(IActorRef target) => ReceiveAny(m => target.Tell(m, Sender));
}

/// <summary>Throws the exception it is sent; answers "state" with its counter of handled strings.</summary>
internal sealed class FailingActor : ReceiveActor
{
    private int _count;

    public FailingActor(IActorRef? lifecycle = null)
    {
        Receive<Exception>(ex => throw ex);
        Receive<string>(s => s == "state", _ => Sender.Tell(_count));
        Receive<string>(s =>
        {
            _count++;
            lifecycle?.Tell("got " + s);
        });
        Lifecycle = lifecycle;
    }

    private IActorRef? Lifecycle { get; }

    protected override void PreStart() => Lifecycle?.Tell("PreStart");

    protected override void PostStop() => Lifecycle?.Tell("PostStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        Lifecycle?.Tell($"PreRestart {reason.Message} {message}");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason) => Lifecycle?.Tell($"PostRestart {reason.Message}");
}

/// <summary>A parent with a configurable strategy that creates children on request.</summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p)));
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name)));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}
