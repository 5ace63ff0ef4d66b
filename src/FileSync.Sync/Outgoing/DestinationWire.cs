using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

// The source's view of the destination routes of docs/sync-protocol.md. Property names are the wire names;
// decisions travel as strings so an unknown one is reported, not mis-parsed.

/// <summary>The answer of <c>GET LastSynchronization?from=</c>.</summary>
public sealed record RemoteLastSynchronization(string? LastSourceFileEtag, string? SourceServerUrl, Guid DestinationServerId);

/// <summary>One file of an <c>incoming/check</c> request.</summary>
public sealed record CheckFile(string FileName, SynchronizationType Type, IReadOnlyDictionary<string, string> Metadata);

/// <summary>The destination's decision about one checked file.</summary>
public sealed record RemoteCheck(string FileName, string Decision, RemoteFileVersion? Current, string? Message);

/// <summary>An <c>IncomingResult</c>: what the destination did with one file.</summary>
public sealed record RemoteResult(string FileName, string Decision, string? Etag, string? Message);

/// <summary>The decision names of docs/sync-protocol.md.</summary>
public static class RemoteDecisions
{
    public const string Proceed = "Proceed";
    public const string Applied = "Applied";
    public const string AlreadyHas = "AlreadyHas";
    public const string HadInPast = "HadInPast";
    public const string Conflict = "Conflict";
    public const string Locked = "Locked";

    public static bool Is(string? decision, string expected) => string.Equals(decision, expected, StringComparison.OrdinalIgnoreCase);
}
