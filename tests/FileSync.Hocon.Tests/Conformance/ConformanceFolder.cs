namespace FileSync.Hocon.Tests.Conformance;

/// <summary>
/// Finds <c>shared/conformance/hocon</c> by walking up from the test assembly (the repo sits beside
/// <c>shared</c> in development and CI). Nothing of it is copied into the repo.
/// </summary>
internal static class ConformanceFolder
{
    public static string? Path { get; } = Find();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingReason =>
        $"shared/conformance/hocon was not found above {AppContext.BaseDirectory}; set CI=true to make this a failure";

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "conformance", "hocon");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A theory over the conformance files: skipped with the reason when they are absent, except in CI where it must run (and fail).</summary>
internal sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (ConformanceFolder.Path is null && !ConformanceFolder.IsCi)
        {
            Skip = ConformanceFolder.MissingReason;
        }
    }
}
