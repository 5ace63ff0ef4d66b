namespace FileSync.Sync.Outgoing;

/// <summary>How the source side behaves (HOCON <c>filesync.synchronization.*</c>; see docs/synchronization.md).</summary>
/// <param name="Interval">Background pass period (<c>interval</c>, default 60 s).</param>
/// <param name="ChangeDelay">Debounce before the pass that follows local changes (<c>change-delay</c>, default 200 ms); zero turns change-triggered passes off.</param>
/// <param name="MaxPerDestination">Concurrent runs per destination when the file system's config document does not say (<c>max-per-destination</c>).</param>
/// <param name="SmallFileLimit">Content works below this size travel in batches (<c>small-file-limit</c>, default 64 KiB).</param>
/// <param name="MaxBatchFiles">At most this many small files in one batch.</param>
/// <param name="RunTimeout">A run that takes longer is cancelled and retried later.</param>
/// <param name="PageSize">Local changes read per page during a pass.</param>
/// <param name="MaxChangesPerPass">A pass lists at most this many changes, then continues in a follow-up pass.</param>
/// <param name="PassAtStart">Run a pass shortly after start, for changes made before a restart that no pass had listed yet.</param>
public sealed record OutgoingSettings(
    TimeSpan Interval,
    TimeSpan ChangeDelay,
    int MaxPerDestination = 5,
    long SmallFileLimit = 64 * 1024,
    int MaxBatchFiles = 64,
    TimeSpan? RunTimeout = null,
    int PageSize = 1000,
    int MaxChangesPerPass = 10_000,
    bool PassAtStart = true)
{
    public static OutgoingSettings Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));

    public TimeSpan EffectiveRunTimeout => RunTimeout ?? TimeSpan.FromMinutes(30);
}
