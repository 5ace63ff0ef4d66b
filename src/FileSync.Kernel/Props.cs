namespace FileSync.Kernel;

/// <summary>The recipe for an actor: how to make an instance (again, on restart), how it supervises its
/// children, and its mailbox options. Immutable; the <c>With…</c> methods return copies.</summary>
public sealed record Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    public Type ActorType { get; }

    /// <summary>Called once per incarnation (first start and every restart).</summary>
    public Func<ActorBase> Factory { get; }

    /// <summary>How the created actor supervises its children; when null the actor's own
    /// <see cref="ActorBase.SupervisorStrategy"/> is used.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    public MailboxSettings Mailbox { get; init; } = MailboxSettings.Default;

    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory);
    }

    public static Props Create<TActor>() where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor());

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    public Props WithMailbox(MailboxSettings mailbox) => this with { Mailbox = mailbox };

    public override string ToString() => $"Props({ActorType.Name})";
}
