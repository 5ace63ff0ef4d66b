using System.Text.Json.Serialization;

namespace FileSync.Sync.Contracts;

/// <summary>What a destination decided about an incoming version (docs/sync-protocol.md, "Deciding").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncomingDecision>))]
public enum IncomingDecision
{
    /// <summary>(check only) the update descends from what the destination holds: send it.</summary>
    Proceed,

    /// <summary>The new version (content, metadata, delete or rename) is committed.</summary>
    Applied,

    /// <summary>The destination holds exactly this version.</summary>
    AlreadyHas,

    /// <summary>The incoming version is in the destination's history.</summary>
    HadInPast,

    /// <summary>Neither descends from the other; the destination recorded a conflict and kept its content.</summary>
    Conflict,

    /// <summary>The file is being received from another source right now; try again later.</summary>
    Locked,
}
