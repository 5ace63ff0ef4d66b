namespace FileSync.Acceptance.StatusPage;

/// <summary>
/// Debian's <c>chromium</c> and <c>chromium-driver</c> packages (installed by <c>.ci/run</c>). The tests use exactly
/// these two files; nothing is ever downloaded.
/// </summary>
public static class ChromiumInstallation
{
    public const string Browser = "/usr/bin/chromium";
    public const string DriverFolder = "/usr/bin";
    public const string DriverFile = "chromedriver";

    /// <summary>Why the browser tests cannot run here, or null when both files are installed.</summary>
    public static string? MissingReason
    {
        get
        {
            var missing = new[] { Browser, Path.Combine(DriverFolder, DriverFile) }.Where(f => !File.Exists(f)).ToList();
            return missing.Count == 0
                ? null
                : $"{string.Join(" and ", missing)} not found; install them with `apt-get install chromium chromium-driver` " +
                  "to run the status page tests (set CI=true to make this a failure)";
        }
    }

    /// <summary>True when env CI is "true": there the browser tests never skip, they must run.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A test that needs headless Chromium: skipped with the reason when it is not installed, except in CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!ChromiumInstallation.IsCi && ChromiumInstallation.MissingReason is { } reason) Skip = reason;
    }
}
