namespace FileSync.TestSupport;

/// <summary>Finds the PostgreSQL server binaries (initdb, pg_ctl) installed by the Debian packages.</summary>
public static class PostgresBinaries
{
    public const string Root = "/usr/lib/postgresql";

    public const string MissingMessage =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin; " +
        "install them with `apt-get install postgresql` to run the PostgreSQL tests.";

    /// <summary>The bin folder of the highest installed major version, or null when none is installed.</summary>
    public static string? FindBinDirectory() => FindBinDirectory(Root);

    /// <summary>The same search under another root (<c>&lt;root&gt;/&lt;major&gt;/bin</c>); used by tests.</summary>
    public static string? FindBinDirectory(string root)
    {
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.Version >= 0 && File.Exists(Path.Combine(x.Dir, "bin", "initdb")) && File.Exists(Path.Combine(x.Dir, "bin", "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"))
            .FirstOrDefault();
    }

    /// <summary>The bin folder, or an exception whose message says which package to install.</summary>
    public static string RequireBinDirectory() =>
        FindBinDirectory() ?? throw new InvalidOperationException(MissingMessage);

    /// <summary>True when env CI is "true": there the tests never skip, they must run.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
