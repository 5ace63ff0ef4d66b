namespace FileSync.Kernel;

/// <summary>A Restart or Stop decision for one child applies to all children of the supervisor
/// (Resume still applies to the failed child only).</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/>; -1 = unlimited.</param>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    public AllForOneStrategy(Func<Exception, Directive> decider) : base(-1, null, decider)
    {
    }

    protected override bool AppliesToAllChildren => true;
}
