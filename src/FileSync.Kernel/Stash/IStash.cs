namespace FileSync.Kernel;

/// <summary>Sets messages aside to process them later, in their original order.</summary>
public interface IStash
{
    /// <summary>Sets the message being processed aside (with its sender).</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages back at the front of the mailbox, oldest first, before anything queued since.</summary>
    void UnstashAll();

    int Count { get; }
}
