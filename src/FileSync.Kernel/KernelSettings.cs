namespace FileSync.Kernel;

/// <summary>Settings of one <see cref="ActorSystem"/>. Plain values so any configuration source can fill them.</summary>
public sealed record KernelSettings
{
    public static KernelSettings Default { get; } = new();

    /// <summary>How many user messages one actor may process per thread-pool turn before yielding to others (fairness).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Timeout of <c>Ask</c> when the caller gives none.</summary>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="ActorSystem.Terminate"/> waits for every actor's <c>PostStop</c> before giving up.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many dead letters are written to the log (all are still published on the event stream). 0 = none.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>Whether messages no behaviour handled are written to the log at debug level.</summary>
    public bool LogUnhandled { get; init; } = true;

    /// <summary>Throws with a clear sentence when a value is out of range.</summary>
    public void Validate()
    {
        if (Throughput < 1) throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "Throughput must be at least 1 message per turn.");
        if (DefaultAskTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultAskTimeout), DefaultAskTimeout, "DefaultAskTimeout must be positive.");
        if (ShutdownTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "ShutdownTimeout must be positive.");
        if (LogDeadLetters < 0) throw new ArgumentOutOfRangeException(nameof(LogDeadLetters), LogDeadLetters, "LogDeadLetters cannot be negative.");
    }
}
