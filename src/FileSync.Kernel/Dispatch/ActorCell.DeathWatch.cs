namespace FileSync.Kernel.Dispatch;

/// <summary>Death watch: who this actor watches, and who watches it.</summary>
internal sealed partial class ActorCell
{
    // Both sets are touched only inside this actor's mailbox.
    private readonly HashSet<IActorRef> _watching = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IActorRef> _watchers = new(ReferenceEqualityComparer.Instance);

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, Self) || !_watching.Add(subject)) return subject;
        if (subject is LocalActorRef local) local.Cell.SendSystem(new WatchRequest(Self));
        else Self.Tell(new Terminated(subject), subject); // not a live actor: it counts as already gone
        return subject;
    }

    public void Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching.Remove(subject) && subject is LocalActorRef local) local.Cell.SendSystem(new UnwatchRequest(Self));
    }

    private void AddWatcher(IActorRef watcher)
    {
        if (_state == CellState.Terminated) watcher.Tell(new Terminated(Self), Self);
        else _watchers.Add(watcher);
    }

    private void NotifyWatchers()
    {
        foreach (var watcher in _watchers) watcher.Tell(new Terminated(Self), Self);
        _watchers.Clear();
    }

    private void UnwatchAll()
    {
        foreach (var subject in _watching)
        {
            if (subject is LocalActorRef local) local.Cell.SendSystem(new UnwatchRequest(Self));
        }

        _watching.Clear();
    }
}
