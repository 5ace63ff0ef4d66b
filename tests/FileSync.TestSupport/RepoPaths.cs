namespace FileSync.TestSupport;

/// <summary>Locates the repository, the shared design folder and other projects' build output from a running test.</summary>
public static class RepoPaths
{
    private const string SolutionFile = "FileSync.Actors.sln";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding FileSync.Actors.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared documents folder that sits beside the repository (<c>&lt;repo&gt;/../shared</c>).</summary>
    public static string SharedFolder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The build configuration the current test assembly was built in ("Debug" or "Release").</summary>
    public static string Configuration => BuildLayout().Configuration;

    /// <summary>The target framework folder name of the current test assembly (e.g. "net10.0").</summary>
    public static string TargetFramework => BuildLayout().TargetFramework;

    /// <summary>
    /// The output folder of another project built in the same configuration, e.g.
    /// <c>ProjectOutputDirectory("FileSync.Server")</c> → <c>&lt;repo&gt;/src/FileSync.Server/bin/Debug/net10.0</c>.
    /// Looks under <c>src/</c> and <c>tests/</c>.
    /// </summary>
    public static string ProjectOutputDirectory(string projectName)
    {
        var projectDir = ProjectDirectory(projectName);
        return Path.Combine(projectDir, "bin", Configuration, TargetFramework);
    }

    /// <summary>The main assembly (<c>&lt;name&gt;.dll</c>) of another project; throws if it has not been built.</summary>
    public static string ProjectAssembly(string projectName, string? assemblyName = null)
    {
        var dll = Path.Combine(ProjectOutputDirectory(projectName), (assemblyName ?? projectName) + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException(
                $"The build output of {projectName} is missing ({dll}). Build it first: dotnet build {Path.GetRelativePath(RepoRoot, ProjectDirectory(projectName))} -c {Configuration}", dll);
        }
        return dll;
    }

    /// <summary>The source folder of a project under <c>src/</c> or <c>tests/</c>.</summary>
    public static string ProjectDirectory(string projectName)
    {
        foreach (var area in new[] { "src", "tests" })
        {
            var candidate = Path.Combine(RepoRoot, area, projectName);
            if (File.Exists(Path.Combine(candidate, projectName + ".csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException($"No project named {projectName} under {RepoRoot}/src or {RepoRoot}/tests.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains {SolutionFile}.");
    }

    // The test assembly runs from <project>/bin/<Configuration>/<tfm>/; read both names back from that path.
    private static (string Configuration, string TargetFramework) BuildLayout()
    {
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configDir = tfmDir.Parent;
        if (configDir?.Parent?.Name != "bin")
        {
            return ("Debug", "net10.0");
        }
        return (configDir.Name, tfmDir.Name);
    }
}
