using FileSync.Kernel.Dispatch;

namespace FileSync.Kernel;

/// <summary>How a parent handles a failed child. Subclasses say whom a decision applies to:
/// the failed child only (<see cref="OneForOneStrategy"/>) or all its siblings too (<see cref="AllForOneStrategy"/>).</summary>
public abstract class SupervisorStrategy
{
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (withinTimeRange is { } w && w <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), w, "The retry window must be positive (or null for no window).");
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
    }

    /// <summary>Restart on every failure except failed creation and unhandled death pacts, which stop.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one, unlimited restarts, <see cref="DefaultDecider"/>.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; negative = unlimited. Beyond it the child is stopped.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window the retry count applies to; null = over the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether the decision for one child applies to all children of the supervisor.</summary>
    protected abstract bool AppliesToAllChildren { get; }

    internal void HandleFailure(ActorCell supervisor, ActorCell child, Exception cause)
    {
        var directive = Decide(cause);
        var affected = AppliesToAllChildren ? supervisor.ChildCells : [child];
        switch (directive)
        {
            case Directive.Resume:
                supervisor.LogFailure(child, cause, directive);
                child.SendSystem(new Resume());
                break;
            case Directive.Restart when child.RestartStatistics.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, TimeProvider.System):
                supervisor.LogFailure(child, cause, directive);
                foreach (var c in affected) c.SendSystem(new Restart(cause));
                break;
            case Directive.Restart:
                supervisor.LogFailure(child, new InvalidOperationException(
                    $"{child.Self.Path} exceeded {MaxNrOfRetries} restart(s){(WithinTimeRange is { } w ? $" within {w}" : "")}; stopping it.", cause), Directive.Stop);
                foreach (var c in affected) supervisor.StopChild(c);
                break;
            case Directive.Stop:
                supervisor.LogFailure(child, cause, directive);
                foreach (var c in affected) supervisor.StopChild(c);
                break;
            default:
                supervisor.Fail(cause, null, escalatedFrom: child);
                break;
        }
    }

    private Directive Decide(Exception cause)
    {
        try
        {
            return Decider(cause);
        }
#pragma warning disable CA1031 // a throwing decider must not take the supervisor down; escalate instead
        catch (Exception)
#pragma warning restore CA1031
        {
            return Directive.Escalate;
        }
    }
}
