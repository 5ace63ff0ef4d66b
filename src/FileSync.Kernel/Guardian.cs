namespace FileSync.Kernel;

/// <summary>The actor behind <c>/</c>, <c>/user</c> and <c>/system</c>. The root watches <c>/user</c> and stops
/// itself (and so <c>/system</c>) once it is gone, which is how shutdown orders user actors before system ones.</summary>
internal sealed class Guardian : ActorBase
{
    private readonly IActorRef? _stopAfter;

    public Guardian(IActorRef? stopAfter = null) => _stopAfter = stopAfter;

    protected override void PreStart()
    {
        if (_stopAfter is not null) Context.Watch(_stopAfter);
    }

    protected override bool Receive(object message)
    {
        if (message is Terminated terminated && ReferenceEquals(terminated.ActorRef, _stopAfter))
        {
            Context.Stop(Self);
            return true;
        }

        return false;
    }
}
