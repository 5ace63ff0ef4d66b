namespace FileSync.Kernel;

/// <summary>One way of handling messages; an actor has a stack of them (Become/Unbecome).</summary>
internal abstract class Behavior
{
    /// <summary>Runs the matching handler. <paramref name="work"/> is the handler's task when it is asynchronous.</summary>
    public abstract bool TryHandle(object message, out Task? work);
}

/// <summary>A behaviour from a plain <c>bool Receive(object)</c> delegate.</summary>
internal sealed class DelegateBehavior(Func<object, bool> receive) : Behavior
{
    public override bool TryHandle(object message, out Task? work)
    {
        work = null;
        return receive(message);
    }
}
