namespace FileSync.Kernel.Dispatch;

/// <summary>The parent's half of supervision: deciding about failed children.</summary>
internal sealed partial class ActorCell
{
    private SupervisorStrategy EffectiveStrategy =>
        Props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;

    private void OnChildFailed(Failed failed)
    {
        var child = failed.Child;
        if (!_children.TryGetValue(child.Name, out var current) || !ReferenceEquals(current, child)) return;
        if (_state is CellState.Stopping or CellState.Terminated || child.StopRequested) return;
        EffectiveStrategy.HandleFailure(this, child, failed.Cause);
    }

    internal void LogFailure(ActorCell child, Exception cause, Directive directive) =>
        System.PublishError(child.Self.Path.ToString(), $"{child.Self.Path} ({child.Props.ActorType.Name}) failed: {cause.Message} -> {directive}", cause);
}
