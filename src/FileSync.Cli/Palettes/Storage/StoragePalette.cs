using System.CommandLine;
using FileSync.Cli.Output;
using FileSync.Client.Storage;

namespace FileSync.Cli.Palettes;

/// <summary>
/// <c>storage sync|show &lt;id&gt;|list</c>: PLM-style storage synchronizers over the node's storage link (API.md §6).
/// <c>sync</c> starts one and follows it live until it ends (see <see cref="SynchronizerFollower"/>).
/// </summary>
public sealed class StoragePalette : IPalette
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "Give up following after this long (the synchronizer goes on): 90s, 10m, 1h",
            DefaultValueFactory = _ => TimeSpan.FromHours(1),
            CustomParser = Parsers.Duration("--timeout"),
        };
        var sync = new Command("sync", "Start a synchronizer (push, then pull) and follow it live until it ends") { timeout };
        context.SetNodeAction(sync, call => SyncAsync(call, call.Get(timeout)));

        var id = new Argument<string>("id") { Description = "Synchronizer id as 'storage list' shows it: '$<push-id>+<pull-id>' (quote the '$' in a shell)" };
        var show = new Command("show", "One synchronizer: its state, its push and its pull") { id };
        context.SetNodeAction(show, call => ShowAsync(call, call.Get(id)));

        var list = new Command("list", "Every synchronizer the node keeps, newest first");
        context.SetNodeAction(list, ListAsync);
        return new Command("storage", "Storage synchronizers (push then pull over the storage link)") { sync, show, list };
    }

    private static async Task<int> SyncAsync(NodeCall call, TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(call.Cancellation);
        limit.CancelAfter(timeout);
        var progress = new SynchronizerProgress(call.Output);
        var follower = new SynchronizerFollower(call.Store, progress);
        Synchronizer final;
        try
        {
            final = await progress.RunAsync(() => follower.RunAsync(limit.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !call.Cancellation.IsCancellationRequested)
        {
            return call.Fail($"the synchronizer did not end within {timeout}; it goes on (see 'filesync storage list')");
        }

        if (call.Output.Json) call.Output.WriteJson(final, CliJson.Pascal);
        else call.Output.Write(SynchronizerTable(final));
        return final.State == SynchronizerState.Completed ? ExitCodes.Success : call.Fail(ErrorReason(final));
    }

    private static async Task<int> ShowAsync(NodeCall call, string id)
    {
        var synchronizer = await call.Store.Storage.Synchronizers.GetAsync(id, call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json) call.Output.WriteJson(synchronizer, CliJson.Pascal);
        else call.Output.Write(SynchronizerTable(synchronizer));
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(NodeCall call)
    {
        var all = await call.Store.Storage.Synchronizers.ListAsync(call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(all, CliJson.Pascal);
            return ExitCodes.Success;
        }

        if (all.Count == 0)
        {
            call.Output.Line("no synchronizers yet (start one with 'filesync storage sync')");
            return ExitCodes.Success;
        }

        var table = Tables.Create("Id", "State", "Push", "Pull");
        foreach (var s in all) table.Row(s.Id, State(s.State), State(s.Push.State), State(s.Pull.State));
        call.Output.Write(table);
        return ExitCodes.Success;
    }

    internal static string State(SynchronizerState state) => state.ToString().ToLowerInvariant();

    private static Spectre.Console.Table SynchronizerTable(Synchronizer s)
    {
        var table = Tables.Create("Part", "Id", "State", "Error", "Conflicts");
        table.Row("synchronizer", s.Id, State(s.State), "", "");
        table.Row("push", s.Push.Id, State(s.Push.State), s.Push.ErrorMessage, string.Join(", ", s.Push.Conflicts ?? []));
        table.Row("pull", s.Pull.Id, State(s.Pull.State), s.Pull.ErrorMessage, string.Join(", ", s.Pull.Conflicts ?? []));
        return table;
    }

    private static string ErrorReason(Synchronizer s) =>
        (s.Push.State == SynchronizerState.Error ? $"push failed: {s.Push.ErrorMessage ?? "no reason given"}" : null)
        ?? (s.Pull.State == SynchronizerState.Error ? $"pull failed: {s.Pull.ErrorMessage ?? "no reason given"}" : null)
        ?? $"synchronizer {s.Id} ended in error";
}
