namespace FileSync.Kernel.Dispatch;

/// <summary>The receive timeout: a one-shot timer re-armed after every processed message.</summary>
internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private ICancelable? _receiveTimeoutTimer;
    private int _receiveTimeoutGeneration;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "A receive timeout must be positive; pass null to turn it off.");
        _receiveTimeout = timeout;
        if (timeout is null) CancelReceiveTimeout();
        else ScheduleReceiveTimeout();
    }

    private void ScheduleReceiveTimeout()
    {
        _receiveTimeoutTimer?.Cancel();
        var generation = ++_receiveTimeoutGeneration;
        _receiveTimeoutTimer = System.Scheduler.ScheduleTellOnce(_receiveTimeout!.Value, Self, new ReceiveTimeoutFired(generation));
    }

    private void CancelReceiveTimeout()
    {
        _receiveTimeoutTimer?.Cancel();
        _receiveTimeoutTimer = null;
        _receiveTimeoutGeneration++;
        _receiveTimeout = null;
    }
}
