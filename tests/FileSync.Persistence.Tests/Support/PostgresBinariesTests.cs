using FileSync.TestSupport;

namespace FileSync.Persistence.Tests.Support;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void Postgres_binaries_search_picks_the_highest_major_version_with_initdb_and_pg_ctl()
    {
        using var root = new TempDirectory("pg-root");
        foreach (var version in new[] { "13", "15", "16" })
        {
            Directory.CreateDirectory(root.Combine(version, "bin"));
            if (version != "16") // 16 is incomplete: no pg_ctl
            {
                File.WriteAllText(root.Combine(version, "bin", "pg_ctl"), "");
            }
            File.WriteAllText(root.Combine(version, "bin", "initdb"), "");
        }

        Assert.Equal(root.Combine("15", "bin"), PostgresBinaries.FindBinDirectory(root.Path));
    }

    [Fact]
    public void Postgres_binaries_missing_give_a_sentence_naming_the_package()
    {
        using var empty = new TempDirectory("pg-none");

        Assert.Null(PostgresBinaries.FindBinDirectory(empty.Path));
        Assert.Contains("apt-get install postgresql", PostgresBinaries.MissingMessage, StringComparison.Ordinal);
    }
}
