using FileSync.Hocon;

namespace FileSync.Server.Hosting;

/// <summary>The node's entry point: <c>--config FILE</c> merged over the defaults, then run until SIGTERM/Ctrl+C; or <c>demo</c>.</summary>
public static class NodeProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        // `demo [--data-dir DIR]`: the seed's two-node topology in this one process (DemoCommand).
        if (args is [DemoCommand.Name, .. var demoArgs]) return await DemoCommand.RunAsync(demoArgs).ConfigureAwait(false);
        WebApplication app;
        try
        {
            var commandLine = CommandLine.Parse(args);
            var config = HoconDefaults.LoadWithOverrides(commandLine.ConfigFile);
            var options = NodeOptionsReader.Read(config);
            app = NodeApplication.Build(options, new ConfigurationBuilder().AddHocon(config).Build());
        }
        catch (Exception e) when (e is ArgumentException or HoconException or NodeConfigurationException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
        }
        return 0;
    }
}
