using FileSync.Kernel.Dispatch;

namespace FileSync.Kernel;

/// <summary>Per-actor keyed timers on top of the system scheduler. Each start gets a new generation; a fired
/// message is delivered only if its generation is still the current one for its key.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, ActiveTimer> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var timer)) timer.Handle.Cancel();
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values) timer.Handle.Cancel();
        _timers.Clear();
    }

    /// <summary>True when a fired timer is still current; single timers are then forgotten.</summary>
    internal bool TryAccept(TimerFired fired)
    {
        if (!_timers.TryGetValue(fired.Key, out var timer) || timer.Generation != fired.Generation) return false;
        if (timer.IsSingle) _timers.Remove(fired.Key);
        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var fired = new TimerFired(key, ++_generation, message);
        var scheduler = cell.System.Scheduler;
        var handle = interval is { } every
            ? scheduler.ScheduleTellRepeatedly(delay, every, cell.Self, fired)
            : scheduler.ScheduleTellOnce(delay, cell.Self, fired);
        _timers[key] = new ActiveTimer(fired.Generation, handle, interval is null);
    }

    private sealed record ActiveTimer(int Generation, ICancelable Handle, bool IsSingle);
}
