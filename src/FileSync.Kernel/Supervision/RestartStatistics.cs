namespace FileSync.Kernel;

/// <summary>Counts a child's restarts inside the strategy's time window. Touched only by the parent's mailbox.</summary>
internal sealed class RestartStatistics
{
    private int _count;
    private long _windowStart;

    /// <summary>Records one more restart request and says whether it stays within the limit.</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange, TimeProvider clock)
    {
        if (maxNrOfRetries < 0) return true;
        if (maxNrOfRetries == 0) return false;
        var now = clock.GetTimestamp();
        if (withinTimeRange is { } window && (_count == 0 || clock.GetElapsedTime(_windowStart, now) > window))
        {
            _windowStart = now;
            _count = 0;
        }

        _count++;
        return _count <= maxNrOfRetries;
    }
}
