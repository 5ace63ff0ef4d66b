using FileSync.Cli.Output;
using FileSync.Client.Storage;

namespace FileSync.Cli.Palettes;

/// <summary>
/// What a person sees while <c>storage sync</c> runs: one line per change of the push's or pull's state and one
/// per file activity the node reports. Nothing is printed with <c>--json</c> (only the final document is).
/// </summary>
internal sealed class SynchronizerProgress(CommandOutput output)
{
    private Synchronizer? _shown;

    /// <summary>Prints what changed since the last state shown.</summary>
    public void Show(Synchronizer current)
    {
        if (output.Json) return;
        if (_shown is null) output.Line($"synchronizer {current.Id} started");
        if (_shown?.Push.State != current.Push.State) output.Line($"push {current.Push.Id}: {Describe(current.Push)}");
        // The pull waits for the push: announce it once the push is over, then each change of its own.
        var pushJustEnded = _shown?.Push.State == SynchronizerState.Triggered && current.Push.State != SynchronizerState.Triggered;
        var pullChanged = _shown is not null && _shown.Pull.State != current.Pull.State;
        if (pullChanged || pushJustEnded || (_shown is null && current.Push.State != SynchronizerState.Triggered))
            output.Line($"pull {current.Pull.Id}: {Describe(current.Pull)}");
        _shown = current;
    }

    public void Activity(string line)
    {
        if (!output.Json) output.Line("  " + line);
    }

    public void Note(string line)
    {
        if (!output.Json) output.Line(line);
    }

    private static string Describe(SynchronizerPhase phase) =>
        StoragePalette.State(phase.State) + (phase.ErrorMessage is { } error ? $" ({error})" : "");
}
