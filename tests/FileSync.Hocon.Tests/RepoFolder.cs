namespace FileSync.Hocon.Tests;

/// <summary>The repository root, found by walking up from the test assembly to FileSync.Actors.sln.</summary>
internal static class RepoFolder
{
    public static string Path { get; } = Find();

    public static string Hocon => System.IO.Path.Combine(Path, "hocon");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FileSync.Actors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"FileSync.Actors.sln was not found above {AppContext.BaseDirectory}");
    }
}
