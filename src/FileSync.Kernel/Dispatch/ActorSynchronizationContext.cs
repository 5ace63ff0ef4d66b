namespace FileSync.Kernel.Dispatch;

/// <summary>Installed while an actor's mailbox runs, so an <c>await</c> inside a handler resumes inside the same
/// mailbox (as a system message) instead of on a random thread-pool thread. That keeps "one thing at a time per
/// actor" true across awaits, and keeps <c>Sender</c>/<c>Context</c> valid.</summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.SendSystem(new RunContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send into an actor would block its mailbox; use Post (await) instead.");

    public override SynchronizationContext CreateCopy() => this;
}
