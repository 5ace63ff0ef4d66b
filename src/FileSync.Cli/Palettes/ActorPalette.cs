using System.CommandLine;
using System.Globalization;
using FileSync.Cli.Output;
using FileSync.Client.Admin;
using Spectre.Console;

namespace FileSync.Cli.Palettes;

/// <summary><c>actor hierarchy [-d N] [-s PATH]</c> (the actor tree with mailbox depths) and <c>actor system</c>.</summary>
public sealed class ActorPalette : IPalette
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var depth = new Option<int?>("--depth", "-d")
        {
            Description = "Levels of children to show below the start (default: all)",
            CustomParser = Parsers.OptionalAtLeast("--depth", 0),
        };
        var path = new Option<string>("--path", "-s") { Description = "Actor path to start from, e.g. /user/destinations", DefaultValueFactory = _ => "/" };
        var hierarchy = new Command("hierarchy", "The actor tree: type and mailbox depth of each actor") { depth, path };
        context.SetNodeAction(hierarchy, call => HierarchyAsync(call, call.Parse.GetValue(depth), call.Get(path)));

        var system = new Command("system", "Actor system, node, uptime, actor count, dead letters, process");
        context.SetNodeAction(system, SystemAsync);
        return new Command("actor", "Actors of the node") { hierarchy, system };
    }

    private static async Task<int> HierarchyAsync(NodeCall call, int? depth, string path)
    {
        var root = await call.Store.NodeAdmin.GetActorsAsync(path, depth, call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(root, CliJson.Camel);
            return ExitCodes.Success;
        }

        var tree = new Tree(Label(root));
        AddChildren(tree, root);
        call.Output.Write(tree);
        return ExitCodes.Success;
    }

    private static void AddChildren(IHasTreeNodes parent, ActorNode actor)
    {
        foreach (var child in actor.Children) AddChildren(parent.AddNode(Label(child)), child);
        var hidden = actor.ChildCount - actor.Children.Length;
        if (hidden > 0) parent.AddNode(new Text(string.Create(CultureInfo.InvariantCulture, $"… {hidden} more below --depth")));
    }

    private static Text Label(ActorNode actor) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{actor.Path}  {actor.Type}  mailbox {actor.MailboxDepth}"));

    private static async Task<int> SystemAsync(NodeCall call)
    {
        var system = await call.Store.NodeAdmin.GetSystemAsync(call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(system, CliJson.Camel);
            return ExitCodes.Success;
        }

        call.Output.Write(Tables.Properties(
        [
            ("actor system", system.ActorSystem),
            ("node url", system.NodeUrl),
            ("server id", system.ServerId),
            ("version", system.Version),
            ("started at", system.StartedAt),
            ("uptime", TimeSpan.FromSeconds(Math.Floor(system.UptimeSeconds)).ToString("c", CultureInfo.InvariantCulture)),
            ("actors", system.ActorCount),
            ("dead letters", system.DeadLetters),
            ("process id", system.Process.Id),
            ("working set", Tables.Bytes(system.Process.WorkingSetBytes)),
            ("managed heap", Tables.Bytes(system.Process.ManagedHeapBytes)),
            ("threads", system.Process.Threads),
            ("processors", system.Process.ProcessorCount),
            ("runtime", system.Process.Runtime),
        ]));
        return ExitCodes.Success;
    }
}
