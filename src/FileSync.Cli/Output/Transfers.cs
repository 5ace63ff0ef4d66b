using Spectre.Console;

namespace FileSync.Cli.Output;

/// <summary>Runs a byte transfer with a Spectre progress bar when a person is watching, silently otherwise.</summary>
public static class Transfers
{
    /// <param name="transfer">Gets a callback to report bytes done so far.</param>
    public static async Task<T> RunAsync<T>(CommandOutput output, string description, long? totalBytes, Func<Action<long>, Task<T>> transfer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(transfer);
        if (!output.IsInteractive) return await transfer(_ => { }).ConfigureAwait(false);

        return await output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: Math.Max(totalBytes ?? 0, 1));
                task.IsIndeterminate = totalBytes is null;
                var result = await transfer(done => task.Value = done).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }
}
