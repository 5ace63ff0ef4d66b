using FileSync.Cli.Output;
using FileSync.Client.Storage;
using Spectre.Console;

namespace FileSync.Cli.Palettes;

/// <summary>
/// What a person sees while <c>storage sync</c> runs. On a terminal: a live display with one bar for the push
/// and one for the pull (spinning while triggered, full when the phase ends) whose captions count the files the
/// node reports. Otherwise (piped output, tests): one line per change of a phase's state and one per file
/// activity. Nothing is printed with <c>--json</c> (only the final document is).
/// </summary>
internal sealed class SynchronizerProgress(CommandOutput output)
{
    private Synchronizer? _shown;
    private PhaseBar? _push;
    private PhaseBar? _pull;

    /// <summary>Runs <paramref name="follow"/> inside the live display when a person is watching.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        if (!output.IsInteractive) return await follow().ConfigureAwait(false);

        return await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _push = new PhaseBar(context.AddTask("push: waiting", maxValue: 1), "push");
                _pull = new PhaseBar(context.AddTask("pull: waiting for the push", maxValue: 1), "pull");
                return await follow().ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Shows what changed since the last state shown.</summary>
    public void Show(Synchronizer current)
    {
        if (output.Json) return;
        if (_push is not null && _pull is not null)
        {
            _push.Show(current.Push, running: true);
            _pull.Show(current.Pull, running: current.Push.State != SynchronizerState.Triggered);
        }
        else
        {
            ShowLines(current);
        }

        _shown = current;
    }

    /// <summary>A file activity line from the node's notifications.</summary>
    /// <param name="outgoing">Whether this node sent the file (the push) rather than received it (the pull, and its conflicts).</param>
    public void Activity(string line, bool outgoing)
    {
        if (output.Json) return;
        var bar = outgoing ? _push : _pull;
        if (bar is not null) bar.Count(line);
        else output.Line("  " + line);
    }

    public void Note(string line)
    {
        if (!output.Json) output.Line(line);
    }

    private void ShowLines(Synchronizer current)
    {
        if (_shown is null) output.Line($"synchronizer {current.Id} started");
        if (_shown?.Push.State != current.Push.State) output.Line($"push {current.Push.Id}: {Describe(current.Push)}");
        // The pull waits for the push: announce it once the push is over, then each change of its own.
        var pushJustEnded = _shown?.Push.State == SynchronizerState.Triggered && current.Push.State != SynchronizerState.Triggered;
        var pullChanged = _shown is not null && _shown.Pull.State != current.Pull.State;
        if (pullChanged || pushJustEnded || (_shown is null && current.Push.State != SynchronizerState.Triggered))
            output.Line($"pull {current.Pull.Id}: {Describe(current.Pull)}");
    }

    private static string Describe(SynchronizerPhase phase) =>
        StoragePalette.State(phase.State) + (phase.ErrorMessage is { } error ? $" ({error})" : "");

    /// <summary>One bar of the live display: indeterminate while the phase runs, full when it has ended.</summary>
    private sealed class PhaseBar(ProgressTask task, string name)
    {
        private int _files;
        private string? _last;
        private SynchronizerPhase? _phase;

        public void Show(SynchronizerPhase phase, bool running)
        {
            _phase = phase;
            var ended = phase.State != SynchronizerState.Triggered;
            task.IsIndeterminate = running && !ended;
            if (ended) task.Value = task.MaxValue;
            task.Description = Markup.Escape(Caption(running));
        }

        public void Count(string activity)
        {
            _files++;
            _last = activity;
            task.Description = Markup.Escape(Caption(running: true));
        }

        private string Caption(bool running)
        {
            var state = _phase is null || (!running && _phase.State == SynchronizerState.Triggered)
                ? "waiting"
                : Describe(_phase);
            var files = _files == 0 ? "" : $", {_files} file events, last: {_last}";
            return $"{name}: {state}{files}";
        }
    }
}
