namespace FileSync.Kernel.Dispatch;

/// <summary>Where an actor is in its life. User messages are processed only in <see cref="Running"/>.</summary>
internal enum CellState
{
    /// <summary>Waiting for the instance to be made (first start, or after restart's children have stopped).</summary>
    Created,

    /// <summary>The instance exists and its async <c>AroundPreStart</c> has not finished.</summary>
    Starting,

    Running,

    /// <summary>Failed; waiting for the supervisor's directive.</summary>
    Suspended,

    /// <summary>Old instance gone; waiting for the children it stopped before making the new one.</summary>
    Restarting,

    /// <summary>Waiting for children (and a pending async handler) before <c>PostStop</c>.</summary>
    Stopping,

    Terminated,
}
