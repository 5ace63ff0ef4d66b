namespace FileSync.Persistence;

/// <summary>
/// Who writes events: a node identity plus the fencing number of the lease it holds (0 outside a cluster).
/// Stored in the journal's <c>writer</c> column as <c>identity#fencing</c>, so a stale owner's writes can be told apart.
/// </summary>
public sealed record WriterIdentity(string Identity, long FencingToken = 0)
{
    /// <summary>This machine and process, fencing number 0: the single-node default.</summary>
    public static WriterIdentity ForThisProcess() => new($"{Environment.MachineName}:{Environment.ProcessId}");

    public override string ToString() => $"{Identity}#{FencingToken}";
}
