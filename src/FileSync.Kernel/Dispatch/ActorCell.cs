using System.Collections.Concurrent;

namespace FileSync.Kernel.Dispatch;

/// <summary>The kernel's side of one actor: its mailbox, its place in the tree, and its life cycle.
/// It is also the actor's <see cref="IActorContext"/>. Split over partial files by concern:
/// mailbox (this queueing and the run loop), life cycle, supervision, death watch.</summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_creating;

    private readonly ConcurrentDictionary<string, ActorCell> _children = new(StringComparer.Ordinal);
    private readonly ActorCell? _parent;
    private ActorBase? _actor;
    private Envelope _current;
    private long _autoNameCounter;
    private ActorLog? _log;

    public ActorCell(ActorSystem system, Props props, ActorCell? parent, ActorPath path)
    {
        System = system;
        Props = props;
        _parent = parent;
        Self = new LocalActorRef(this, path);
        _throughput = props.Mailbox.Throughput ?? system.Settings.Throughput;
        if (_throughput < 1) throw new ArgumentOutOfRangeException(nameof(props), _throughput, "Mailbox throughput must be at least 1.");
        _syncContext = new ActorSynchronizationContext(this);
        Stash = new MessageStash(this);
        Timers = new TimerScheduler(this);
    }

    /// <summary>The cell whose actor instance is being constructed on this thread; read by the <see cref="ActorBase"/> constructor.</summary>
    internal static ActorCell? CurrentlyCreating => t_creating;

    public ActorSystem System { get; }

    public Props Props { get; }

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    public IActorRef Parent => _parent?.Self ?? ActorRefs.Nobody;

    public ActorLog Log => _log ??= new ActorLog(System, Self.Path.ToString(), Props.ActorType.FullName ?? Props.ActorType.Name);

    internal MessageStash Stash { get; }

    internal TimerScheduler Timers { get; }

    internal string Name => Self.Path.Name;

    internal Envelope CurrentEnvelope => _current;

    internal ActorBase? Actor => _actor;

    /// <summary>Set by the parent when it has asked this child to stop; restart waits for such children.</summary>
    internal bool StopRequested { get; set; }

    internal RestartStatistics RestartStatistics { get; } = new();

    internal ActorCell[] ChildCells => [.. _children.Values];

    public IActorRef ActorOf(Props props, string? name = null) => CreateChild(props, name).Self;

    public IActorRef? Child(string name) => _children.TryGetValue(name, out var child) ? child.Self : null;

    public IReadOnlyList<IActorRef> Children => [.. _children.Values.Select(c => (IActorRef)c.Self)];

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not LocalActorRef local) return;
        if (ReferenceEquals(local.Cell._parent, this)) StopChild(local.Cell);
        else local.Cell.SendSystem(new Terminate());
    }

    public void Become(Func<object, bool> receive) => RequireActor().BecomeBehavior(new DelegateBehavior(receive), discardOld: true);

    public void BecomeStacked(Func<object, bool> receive) => RequireActor().BecomeBehavior(new DelegateBehavior(receive), discardOld: false);

    public void Unbecome() => RequireActor().UnbecomeBehavior();

    public ActorSelection ActorSelection(string path) => System.ActorSelection(path);

    internal ActorCell CreateChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null) name = "$" + Interlocked.Increment(ref _autoNameCounter).ToString("x", global::System.Globalization.CultureInfo.InvariantCulture);
        else ValidateChildName(name);
        if (_state is CellState.Stopping or CellState.Terminated)
            throw new InvalidOperationException($"Cannot create child '{name}': {Self.Path} is stopping.");

        var child = new ActorCell(System, props, this, Self.Path.Child(name));
        if (!_children.TryAdd(name, child))
            throw new InvalidActorNameException($"An actor named '{name}' already exists under {Self.Path}.");

        // A concurrent stop may have listed the children before this one was added; make sure it stops too.
        Interlocked.MemoryBarrier();
        if (_state is CellState.Stopping or CellState.Terminated) StopChild(child);
        child.SendSystem(new Create());
        return child;
    }

    private void ValidateChildName(string name)
    {
        if (name.Length == 0) throw new InvalidActorNameException($"An actor name under {Self.Path} cannot be empty.");
        if (name[0] == '$') throw new InvalidActorNameException($"Actor name '{name}' is invalid: names starting with '$' are reserved for generated names.");
        foreach (var ch in name)
        {
            if (ch is '/' or '#' or '?' or '*' || char.IsWhiteSpace(ch) || char.IsControl(ch))
                throw new InvalidActorNameException($"Actor name '{name}' is invalid: it may not contain '/', '#', '?', '*' or whitespace.");
        }
    }

    internal void StopChild(ActorCell child)
    {
        child.StopRequested = true;
        child.SendSystem(new Terminate());
    }

    internal ActorBase RequireActor() =>
        _actor ?? throw new InvalidOperationException($"{Self.Path} has no running instance (it is starting, restarting or stopped).");

    internal ActorInfo Describe() => new(
        Self.Path.ToString(),
        (_actor?.GetType() ?? Props.ActorType).Name,
        MailboxDepth,
        [.. _children.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Describe())]);

    internal ActorCell? FindChild(string name) => _children.TryGetValue(name, out var child) ? child : null;

    public override string ToString() => Self.Path.ToString();
}
