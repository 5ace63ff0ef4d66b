namespace FileSync.Sync.Synchronizers;

/// <summary>
/// <c>POST /storage/synchronizers</c>: answers the new synchronizer's <see cref="SynchronizerView"/>, or the running
/// one's when one is still running (a second POST does not queue another), or
/// <see cref="StorageLinkMissing"/> when the node has no storage link.
/// </summary>
public sealed record CreateSynchronizer
{
    public static readonly CreateSynchronizer Instance = new();
}

/// <summary>Answers the <see cref="SynchronizerView"/>, or <see cref="SynchronizerNotFound"/>.</summary>
public sealed record GetSynchronizer(string Id);

/// <summary>Answers <see cref="SynchronizerIds"/>.</summary>
public sealed record ListSynchronizers
{
    public static readonly ListSynchronizers Instance = new();
}

/// <summary>The ids kept, newest first.</summary>
public sealed record SynchronizerIds(IReadOnlyList<string> Ids);

public sealed record SynchronizerNotFound(string Id);

public sealed record StorageLinkMissing
{
    public static readonly StorageLinkMissing Instance = new();
}

/// <summary>
/// Parent → <see cref="SynchronizerActor"/>: create it when it has no history (answering <paramref name="ReplyTo"/>
/// with its view), resume its current phase when it was interrupted, report it finished when it is.
/// </summary>
internal sealed record RunSynchronizer(Kernel.IActorRef? ReplyTo);

/// <summary><see cref="SynchronizerActor"/> → parent: it is completed or in error.</summary>
internal sealed record SynchronizerEnded(string Id);
