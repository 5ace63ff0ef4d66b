namespace FileSync.Kernel;

/// <summary>The decision applies to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/>; -1 = unlimited.</param>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    public OneForOneStrategy(Func<Exception, Directive> decider) : base(-1, null, decider)
    {
    }

    protected override bool AppliesToAllChildren => false;
}
