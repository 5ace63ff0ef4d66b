using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// How a drain's result ends a phase. Conflicts (a report whose exception says the file is conflicted, or that a
/// conflict was resolved automatically) and "already has / had in the past" answers are normal outcomes; a
/// result-level exception (remote unreachable) or any other report exception (a transfer that failed) is an error.
/// </summary>
public sealed record PhaseVerdict(string? Error, IReadOnlyList<string> Conflicts)
{
    public bool Failed => Error is not null;

    public static PhaseVerdict Of(DestinationSyncResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Exception is { } exception)
            return new PhaseVerdict($"{result.DestinationServer}/fs/{result.DestinationFileSystem}: {exception.Message}", []);
        var conflicts = new List<string>();
        var failures = new List<string>();
        foreach (var report in result.Reports ?? [])
        {
            var message = report.Exception?.Message;
            if (message is null || IsNothingToDo(message)) continue;
            if (message.Contains("conflict", StringComparison.OrdinalIgnoreCase))
            {
                if (!conflicts.Contains(report.FileName, StringComparer.Ordinal)) conflicts.Add(report.FileName);
            }
            else
            {
                failures.Add($"{report.FileName}: {message}");
            }
        }
        var error = failures.Count == 0 ? null
            : $"{failures.Count} file(s) failed to synchronize: {string.Join("; ", failures.Take(5))}{(failures.Count > 5 ? "; …" : "")}";
        return new PhaseVerdict(error, conflicts);
    }

    public static PhaseVerdict Of(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new PhaseVerdict(failure is OperationCanceledException ? "The phase took longer than its time limit and was cancelled." : failure.Message, []);
    }

    // Both spellings of "already has": the source's own check (WorkTypeDecision) and the destination's answer (IncomingMessages).
    private const string AlreadyHasPrefix = "Destination server already has";

    private static bool IsNothingToDo(string message) =>
        message.StartsWith(IncomingMessages.HadInPast, StringComparison.Ordinal)
        || message.StartsWith(AlreadyHasPrefix, StringComparison.Ordinal);
}
