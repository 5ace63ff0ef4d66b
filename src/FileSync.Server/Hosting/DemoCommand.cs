using FileSync.Hocon;

namespace FileSync.Server.Hosting;

/// <summary>
/// <c>FileSync.Server demo [--data-dir DIR]</c>: both nodes of <see cref="DemoTopology"/> in one process (two
/// Kestrel hosts, two storages, two actor systems). Embedded SQLite in a fresh temporary folder unless
/// <c>--data-dir</c> names one (then <c>DIR/node-a</c> and <c>DIR/node-b</c>, kept); the temporary folder is
/// removed when the demo stops. Ctrl+C or SIGTERM stops both;
/// when one node stops for any reason, the other is stopped too.
/// </summary>
public static class DemoCommand
{
    public const string Name = "demo";
    public const string Usage = "usage: FileSync.Server demo [--data-dir DIR]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        WebApplication nodeA, nodeB;
        string root;
        bool temporary;
        try
        {
            var given = ParseDataDirectory(args);
            temporary = given is null;
            root = given ?? Path.Combine(Path.GetTempPath(), $"filesync-demo-{Guid.NewGuid():N}");
            nodeA = Build(DemoTopology.NodeAHocon(Path.Combine(root, "node-a")), "demo:node-a");
            nodeB = Build(DemoTopology.NodeBHocon(Path.Combine(root, "node-b")), "demo:node-b");
        }
        catch (Exception e) when (e is ArgumentException or HoconException or NodeConfigurationException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        await Console.Out.WriteLineAsync(
            $"Demo: node A {DemoTopology.NodeAUrl} ({DemoTopology.SourceFileSystem} -> {DemoTopology.DestinationFileSystem} on {DemoTopology.NodeBUrl}), " +
            $"node B {DemoTopology.NodeBUrl} ({DemoTopology.DestinationFileSystem}); data in {root}; Ctrl+C stops both.").ConfigureAwait(false);
        await using (nodeA.ConfigureAwait(false))
        await using (nodeB.ConfigureAwait(false))
        {
            StopTogether(nodeA, nodeB);
            // B first: A's first background pass then finds its destination listening.
            await nodeB.StartAsync().ConfigureAwait(false);
            await nodeA.StartAsync().ConfigureAwait(false);
            await Task.WhenAll(nodeA.WaitForShutdownAsync(), nodeB.WaitForShutdownAsync()).ConfigureAwait(false);
        }
        // A folder the demo made up is the demo's own: nobody can find it again, so it goes with the demo.
        if (temporary) TryDelete(root);
        return 0;
    }

    /// <summary>The <c>--data-dir</c> value, or null when absent; throws <see cref="ArgumentException"/> with the usage line.</summary>
    public static string? ParseDataDirectory(IReadOnlyList<string> args)
    {
        string? dataDir = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--data-dir")
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"'--data-dir' needs a folder name. {Usage}");
                dataDir = args[++i];
            }
            else if (arg.StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                dataDir = arg["--data-dir=".Length..];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{arg}' for demo. {Usage}");
            }
        }
        if (dataDir is not null && string.IsNullOrWhiteSpace(dataDir)) throw new ArgumentException($"'--data-dir' needs a folder name. {Usage}");
        return dataDir is null ? null : Path.GetFullPath(dataDir);
    }

    private static WebApplication Build(string hocon, string origin)
    {
        var config = DemoTopology.Load(hocon, origin);
        return NodeApplication.Build(NodeOptionsReader.Read(config), new ConfigurationBuilder().AddHocon(config).Build());
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"The demo's data folder {folder} could not be removed: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"The demo's data folder {folder} could not be removed: {e.Message}");
        }
    }

    private static void StopTogether(WebApplication first, WebApplication second)
    {
        first.Lifetime.ApplicationStopping.Register(() => second.Lifetime.StopApplication());
        second.Lifetime.ApplicationStopping.Register(() => first.Lifetime.StopApplication());
    }
}
