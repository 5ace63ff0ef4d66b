namespace FileSync.Kernel;

/// <summary>An actor named by absolute path (<c>/user/a/b</c>), looked up at the moment it is used, so it can name
/// an actor that is started or restarted later.</summary>
public sealed class ActorSelection
{
    private readonly ActorSystem _system;

    internal ActorSelection(ActorSystem system, string path)
    {
        _system = system;
        PathString = path;
    }

    public string PathString { get; }

    /// <summary>Sends to the actor the path names now, or to dead letters when there is none.</summary>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = _system.ResolvePath(PathString);
        if (target is not null) target.Tell(message, sender);
        else _system.DeadLetters.Tell(message, sender);
    }

    /// <summary>The actor the path names now, or null.</summary>
    public IActorRef? Resolve() => _system.ResolvePath(PathString);

    /// <summary>The actor the path names now; throws when there is none.</summary>
    public IActorRef ResolveOne() =>
        Resolve() ?? throw new InvalidOperationException($"No actor lives at '{PathString}' in system '{_system.Name}'.");

    public override string ToString() => PathString;
}
