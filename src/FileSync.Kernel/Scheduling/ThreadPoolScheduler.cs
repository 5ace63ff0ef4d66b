using System.Collections.Concurrent;

namespace FileSync.Kernel;

/// <summary>The system scheduler: one <see cref="Timer"/> per scheduled item. Active items are held here because an
/// unreferenced <see cref="Timer"/> may be collected and never fire.</summary>
internal sealed class ThreadPoolScheduler : IScheduler, IDisposable
{
    private readonly ConcurrentDictionary<ScheduledItem, byte> _active = new();
    private volatile bool _disposed;

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Start(delay, null, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeat interval must be positive.");
        return Start(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Start(delay, null, action);
    }

    private ScheduledItem Start(TimeSpan delay, TimeSpan? interval, Action action)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay cannot be negative.");
        var item = new ScheduledItem(this, action, interval is null);
        if (_disposed)
        {
            item.Cancel();
            return item;
        }

        _active[item] = 0;
        item.Arm(delay, interval ?? Timeout.InfiniteTimeSpan);
        return item;
    }

    private void Forget(ScheduledItem item) => _active.TryRemove(item, out _);

    public void Dispose()
    {
        _disposed = true;
        foreach (var item in _active.Keys) item.Cancel();
    }

    private sealed class ScheduledItem(ThreadPoolScheduler owner, Action action, bool once) : ICancelable
    {
        private Timer? _timer;
        private volatile bool _cancelled;

        public bool IsCancellationRequested => _cancelled;

        public void Arm(TimeSpan delay, TimeSpan interval)
        {
            var timer = new Timer(static s => ((ScheduledItem)s!).Fire(), this, Timeout.Infinite, Timeout.Infinite);
            _timer = timer;
            timer.Change(delay, interval);
            if (_cancelled) timer.Dispose();
        }

        public void Cancel()
        {
            _cancelled = true;
            _timer?.Dispose();
            owner.Forget(this);
        }

        private void Fire()
        {
            if (_cancelled) return;
            if (once) Cancel();
            action();
        }
    }
}
