namespace FileSync.Kernel;

/// <summary>Timers owned by one actor, identified by a key. Starting a timer with a key in use replaces it; a
/// cancelled or replaced timer never delivers, even if it already fired. All are cancelled when the actor stops
/// or restarts. Use only from inside the actor.</summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan delay);

    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();
}

/// <summary>Implement on an actor to get its <see cref="ITimerScheduler"/>; the kernel sets it before <c>PreStart</c>.</summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}
