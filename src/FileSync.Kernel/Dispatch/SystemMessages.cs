namespace FileSync.Kernel.Dispatch;

/// <summary>Kernel-internal messages. They have their own queue and are processed before user messages,
/// also while user messages are held back (starting, failed, awaiting an async handler, stopping).</summary>
internal abstract record SystemMessage;

/// <summary>Make the first incarnation of the actor.</summary>
internal sealed record Create : SystemMessage;

/// <summary>Stop the actor: children first, then <c>PostStop</c>, then tell watchers and parent.</summary>
internal sealed record Terminate : SystemMessage;

/// <summary>The supervisor decided Resume.</summary>
internal sealed record Resume : SystemMessage;

/// <summary>The supervisor decided Restart.</summary>
internal sealed record Restart(Exception Cause) : SystemMessage;

/// <summary>To a parent: one of its children failed and waits for a decision.</summary>
internal sealed record Failed(ActorCell Child, Exception Cause) : SystemMessage;

/// <summary>To a parent: a child finished stopping.</summary>
internal sealed record ChildTerminated(ActorCell Child) : SystemMessage;

/// <summary>Someone wants a <see cref="Terminated"/> when this actor stops.</summary>
internal sealed record WatchRequest(IActorRef Watcher) : SystemMessage;

internal sealed record UnwatchRequest(IActorRef Watcher) : SystemMessage;

/// <summary>An <c>await</c> continuation of this actor's async handler, run inside the mailbox so handlers
/// never run concurrently with anything else of the actor.</summary>
internal sealed record RunContinuation(SendOrPostCallback Callback, object? State) : SystemMessage;

/// <summary>The pending async handler (or async start) of the given incarnation finished.</summary>
internal sealed record PendingCompleted(int Incarnation) : SystemMessage;

/// <summary>A per-actor timer fired; stale generations (cancelled or replaced timers) are dropped.</summary>
internal sealed record TimerFired(object Key, int Generation, object Message) : IAutoReceivedMessage;

/// <summary>The receive-timeout timer fired; only the latest generation counts.</summary>
internal sealed record ReceiveTimeoutFired(int Generation) : IAutoReceivedMessage;
