namespace FileSync.Client;

/// <summary>
/// The <c>Exception</c> of a report or destination result as the node sends it: <c>{"Message","Type"}</c>.
/// A description of a failure on the node, not a .NET exception the client throws.
/// </summary>
public sealed record SynchronizationError
{
    public string Message { get; init; } = "";
    public string? Type { get; init; }
}
