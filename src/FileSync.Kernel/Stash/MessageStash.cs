using FileSync.Kernel.Dispatch;

namespace FileSync.Kernel;

/// <summary>The stash of one actor cell; used only from inside the actor.</summary>
internal sealed class MessageStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.Message is null) throw new InvalidOperationException("There is no current message to stash.");
        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0) return;
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Prepend([first]);
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0) return;
        cell.Prepend([.. _stashed]);
        _stashed.Clear();
    }

    internal void DiscardToDeadLetters()
    {
        foreach (var envelope in _stashed) cell.System.DeadLetter(envelope, cell.Self);
        _stashed.Clear();
    }
}
