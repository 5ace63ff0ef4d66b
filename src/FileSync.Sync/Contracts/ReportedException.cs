namespace FileSync.Sync.Contracts;

/// <summary>The <c>Exception</c> of a report or a destination result: <c>{"Message","Type"}</c>.</summary>
/// <param name="Type">A short type name, e.g. <c>SynchronizationException</c> or <c>HttpRequestException</c>.</param>
public sealed record ReportedException(string Message, string Type)
{
    public static ReportedException From(Exception exception) => new(exception.Message, exception.GetType().Name);

    /// <summary>A failure that the synchronization protocol itself reports (conflict, had in past, …).</summary>
    public static ReportedException Synchronization(string message) => new(message, "SynchronizationException");
}
