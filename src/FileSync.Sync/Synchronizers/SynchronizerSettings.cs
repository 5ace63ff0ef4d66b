namespace FileSync.Sync.Synchronizers;

/// <summary>How storage synchronizers behave (not in HOCON; the defaults are the product's decisions, see docs/storage-synchronizers.md).</summary>
/// <param name="MaxKept">Finished synchronizers kept (listed and answered by GET); older finished ones are forgotten.</param>
/// <param name="MaxAttempts">A phase interrupted by crashes this many times ends in <c>error</c> instead of starting again.</param>
/// <param name="PhaseTimeout">A push or pull that takes longer is cancelled and ends in <c>error</c>.</param>
public sealed record SynchronizerSettings(int MaxKept = 200, int MaxAttempts = 3, TimeSpan? PhaseTimeout = null)
{
    public static SynchronizerSettings Default { get; } = new();

    public TimeSpan EffectivePhaseTimeout => PhaseTimeout ?? TimeSpan.FromHours(2);
}
