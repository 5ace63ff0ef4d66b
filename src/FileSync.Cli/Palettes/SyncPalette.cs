using System.CommandLine;
using FileSync.Cli.Output;
using FileSync.Client;

namespace FileSync.Cli.Palettes;

/// <summary>
/// <c>sync destinations|start|file|pending|active|finished|conflicts|resolve</c>: RavenFS synchronization of
/// one file system, through the node's <c>/fs/{fs}/synchronization</c> routes (API.md §4).
/// </summary>
public sealed class SyncPalette : IPalette
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var palette = new Command("sync", "Synchronization of a file system to its destinations");

        var destinationsFs = CommonArguments.FileSystem();
        var destinations = new Command("destinations", "The file system's configured destinations") { destinationsFs };
        context.SetNodeAction(destinations, call => DestinationsAsync(call, call.Get(destinationsFs)));
        palette.Subcommands.Add(destinations);

        var startFs = CommonArguments.FileSystem();
        var forceAll = new Option<bool>("--force-all") { Description = "Keep starting pending work as slots free until none is left" };
        var start = new Command("start", "Synchronize every file that needs it to every enabled destination") { startFs, forceAll };
        context.SetNodeAction(start, call => StartAsync(call, call.Get(startFs), call.Get(forceAll)));
        palette.Subcommands.Add(start);

        palette.Subcommands.Add(FileCommand(context));

        foreach (var list in SyncLists.All) palette.Subcommands.Add(list.Build(context));

        palette.Subcommands.Add(ResolveCommand(context));
        return palette;
    }

    private static Command FileCommand(CliContext context)
    {
        var fs = CommonArguments.FileSystem();
        var name = new Argument<string>("name") { Description = "File name, e.g. /books/a.pdf" };
        var to = new Option<string>("--to")
        {
            Description = "Destination node URL, e.g. http://localhost:8081",
            Required = true,
            CustomParser = Parsers.HttpUrl("--to"),
        };
        var destinationFs = new Option<string>("--fs") { Description = "Destination file system", Required = true };
        var file = new Command("file", "Synchronize one file to one destination file system") { fs, name, to, destinationFs };
        context.SetNodeAction(file, call => FileAsync(call, call.Get(fs), call.Get(name),
            new SynchronizationDestination { ServerUrl = call.Get(to), FileSystem = call.Get(destinationFs) }));
        return file;
    }

    private static Command ResolveCommand(CliContext context)
    {
        var fs = CommonArguments.FileSystem();
        var name = new Argument<string>("name") { Description = "The conflicted file" };
        var strategy = new Option<string>("--strategy")
        {
            Description = "CurrentVersion keeps this node's version; RemoteVersion takes the incoming one at the next synchronization",
            Required = true,
        };
        strategy.AcceptOnlyFromAmong(Enum.GetNames<ConflictResolutionStrategy>());
        var resolve = new Command("resolve", "Resolve a conflict on one file") { fs, name, strategy };
        context.SetNodeAction(resolve, call => ResolveAsync(call, call.Get(fs), call.Get(name), Enum.Parse<ConflictResolutionStrategy>(call.Get(strategy))));
        return resolve;
    }

    private static async Task<int> DestinationsAsync(NodeCall call, string fs)
    {
        // Asking for one file first turns an unknown file system into its 404, whatever the config route answers.
        var commands = call.Store.AsyncFilesCommands.ForFileSystem(fs);
        await commands.BrowseAsync(0, 1, call.Cancellation).ConfigureAwait(false);
        var destinations = await commands.Synchronization.GetDestinationsAsync(call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(destinations.Select(d => new { d.ServerUrl, d.FileSystem, d.Enabled }), CliJson.Pascal);
            return ExitCodes.Success;
        }

        var table = Tables.Create("Server", "File system", "Enabled");
        foreach (var d in destinations) table.Row(d.ServerUrl, d.FileSystem, d.Enabled);
        call.Output.Write(table.Titled($"destinations of {fs}"));
        if (destinations.Length == 0) call.Output.Line($"{fs} has no destinations");
        return ExitCodes.Success;
    }

    private static async Task<int> StartAsync(NodeCall call, string fs, bool forceAll)
    {
        var results = await call.Store.AsyncFilesCommands.ForFileSystem(fs).Synchronization.StartAsync(forceAll, call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(results, CliJson.Pascal);
        }
        else
        {
            var table = SyncTables.Reports();
            foreach (var result in results)
            {
                var destination = $"{result.DestinationServer}/{result.DestinationFileSystem}";
                if (result.Exception is { } error) table.Row(destination, "", "", "", "", error.Message);
                else if (result.Reports is not { Length: > 0 }) table.Row(destination, "(nothing to do)", "", "", "", "");
                else foreach (var report in result.Reports) SyncTables.AddReport(table, destination, report);
            }

            call.Output.Write(table.Titled($"synchronization of {fs}"));
            if (results.Length == 0) call.Output.Line($"{fs} has no enabled destinations");
        }

        var failed = results.Count(r => r.Exception is not null) + results.Sum(r => r.Reports?.Count(SyncTables.Failed) ?? 0);
        return failed == 0 ? ExitCodes.Success : call.Fail($"{failed} synchronization(s) of {fs} failed; see the reports");
    }

    private static async Task<int> FileAsync(NodeCall call, string fs, string name, SynchronizationDestination destination)
    {
        var report = await call.Store.AsyncFilesCommands.ForFileSystem(fs).Synchronization.StartAsync(name, destination, call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(report, CliJson.Pascal);
        }
        else
        {
            var table = SyncTables.Reports();
            SyncTables.AddReport(table, $"{destination.ServerUrl}/{destination.FileSystem}", report);
            call.Output.Write(table);
        }

        return SyncTables.Failed(report) ? call.Fail(report.Exception!.Message) : ExitCodes.Success;
    }

    private static async Task<int> ResolveAsync(NodeCall call, string fs, string name, ConflictResolutionStrategy strategy)
    {
        await call.Store.AsyncFilesCommands.ForFileSystem(fs).Synchronization.ResolveConflictAsync(name, strategy, call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json) call.Output.WriteJson(new { FileSystem = fs, FileName = name, Strategy = strategy }, CliJson.Pascal);
        else call.Output.Line($"resolved {name} on {fs} with {strategy}");
        return ExitCodes.Success;
    }
}
