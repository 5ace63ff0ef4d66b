namespace FileSync.Kernel;

/// <summary>Sends messages later or repeatedly. Timers live until cancelled or the system terminates.</summary>
public interface IScheduler
{
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null);

    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Runs <paramref name="action"/> on the thread pool after <paramref name="delay"/>; keep it short and thread-safe.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
