using System.CommandLine;
using FileSync.Cli.Output;
using FileSync.Client;
using Spectre.Console;

namespace FileSync.Cli.Palettes;

/// <summary>
/// <c>sync pending|active|finished|conflicts &lt;fs&gt; [--start N] [--page-size N]</c>: one page of one of the
/// node's synchronization lists, with the list's total.
/// </summary>
internal abstract class SyncLists
{
    public static IReadOnlyList<SyncLists> All { get; } =
    [
        new DetailsList("pending", "Synchronizations waiting for a free slot", (s, start, size, ct) => s.GetPendingAsync(start, size, ct)),
        new DetailsList("active", "Synchronizations running now", (s, start, size, ct) => s.GetActiveAsync(start, size, ct)),
        new FinishedList(),
        new ConflictsList(),
    ];

    protected abstract string Name { get; }

    protected abstract string Description { get; }

    public Command Build(CliContext context)
    {
        var fs = CommonArguments.FileSystem();
        var start = CommonArguments.Start("items");
        var pageSize = CommonArguments.PageSize("items", byDefault: 25);
        var command = new Command(Name, Description) { fs, start, pageSize };
        context.SetNodeAction(command, call => ShowAsync(call, call.Get(fs), call.Get(start), call.Get(pageSize)));
        return command;
    }

    protected abstract Task<int> ShowAsync(NodeCall call, string fs, int start, int pageSize);

    protected static int Print<T>(NodeCall call, string title, ItemList<T> page, Table table)
    {
        if (call.Output.Json)
        {
            call.Output.WriteJson(page, CliJson.Pascal);
            return ExitCodes.Success;
        }

        if (page.Items.Length == 0)
        {
            call.Output.Line($"{title}: none shown ({page.TotalCount} in total)");
            return ExitCodes.Success;
        }

        call.Output.Write(table.Titled(title));
        call.Output.Line($"{page.Items.Length} shown of {page.TotalCount}");
        return ExitCodes.Success;
    }

    protected static SynchronizationCommands Sync(NodeCall call, string fs) => call.Store.AsyncFilesCommands.ForFileSystem(fs).Synchronization;

    private sealed class DetailsList(string name, string description,
        Func<SynchronizationCommands, int, int, CancellationToken, Task<ItemList<SynchronizationDetails>>> fetch) : SyncLists
    {
        protected override string Name => name;

        protected override string Description => description;

        protected override async Task<int> ShowAsync(NodeCall call, string fs, int start, int pageSize)
        {
            var page = await fetch(Sync(call, fs), start, pageSize, call.Cancellation).ConfigureAwait(false);
            var table = Tables.Create("File", "Type", "Destination", "ETag");
            foreach (var item in page.Items) table.Row(item.FileName, item.Type, item.DestinationUrl, item.FileETag);
            return Print(call, $"{name} synchronizations of {fs}", page, table);
        }
    }

    private sealed class FinishedList : SyncLists
    {
        protected override string Name => "finished";

        protected override string Description => "Reports of finished outgoing synchronizations, newest first";

        protected override async Task<int> ShowAsync(NodeCall call, string fs, int start, int pageSize)
        {
            var page = await Sync(call, fs).GetFinishedAsync(start, pageSize, call.Cancellation).ConfigureAwait(false);
            var table = Tables.Create("File", "Type", "ETag", "Transferred", "Copied", "Need list", "Error");
            foreach (var r in page.Items)
                table.Row(r.FileName, r.Type, r.FileETag, Tables.Bytes(r.BytesTransfered), Tables.Bytes(r.BytesCopied), r.NeedListLength, r.Exception?.Message);
            return Print(call, $"finished synchronizations of {fs}", page, table);
        }
    }

    private sealed class ConflictsList : SyncLists
    {
        protected override string Name => "conflicts";

        protected override string Description => "Files in conflict (resolve them with 'sync resolve')";

        protected override async Task<int> ShowAsync(NodeCall call, string fs, int start, int pageSize)
        {
            var page = await Sync(call, fs).GetConflictsAsync(start, pageSize, call.Cancellation).ConfigureAwait(false);
            var table = Tables.Create("File", "Remote server", "Current version", "Remote version", "Resolve using remote");
            foreach (var c in page.Items)
                table.Row(c.FileName, c.RemoteServerUrl, Latest(c.CurrentHistory), Latest(c.RemoteHistory), c.ResolveUsingRemote);
            return Print(call, $"conflicts of {fs}", page, table);
        }

        private static string Latest(HistoryItem[] history) =>
            history.Length == 0 ? "" : $"{history[^1].Version}@{history[^1].ServerId}";
    }
}
