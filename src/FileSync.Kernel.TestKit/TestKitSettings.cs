using System.Globalization;

namespace FileSync.Kernel.TestKit;

/// <summary>Timing of the TestKit. <see cref="TimeFactor"/> (<c>filesync.test.timefactor</c>) stretches every
/// timeout, for slow or shared machines.</summary>
public sealed record TestKitSettings
{
    public const string TimeFactorVariable = "FILESYNC_TEST_TIMEFACTOR";

    /// <summary>Multiplies every TestKit timeout; must be positive.</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>Default wait of <c>ExpectMsg</c>, <c>AwaitAssert</c> and friends, before dilation.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Default wait of <c>ExpectNoMsg</c> without an argument, before dilation.</summary>
    public TimeSpan DefaultNoMessageWait { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Defaults, with the time factor taken from <c>FILESYNC_TEST_TIMEFACTOR</c> when set.</summary>
    public static TestKitSettings FromEnvironment() => WithTimeFactor(Environment.GetEnvironmentVariable(TimeFactorVariable));

    /// <summary>Defaults with the time factor parsed from <paramref name="raw"/> (invariant culture); null or blank keeps 1.</summary>
    public static TestKitSettings WithTimeFactor(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return new TestKitSettings();
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0 || double.IsInfinity(factor))
            throw new InvalidOperationException($"{TimeFactorVariable}='{raw}' is not a positive number (e.g. 1.5).");
        return new TestKitSettings { TimeFactor = factor };
    }

    public TimeSpan Dilated(TimeSpan duration) => TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
