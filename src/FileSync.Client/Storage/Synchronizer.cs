using System.Text.Json.Serialization;

namespace FileSync.Client.Storage;

/// <summary>State of a storage synchronizer, of its push and of its pull (<c>triggered | completed | error</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SynchronizerState>))]
public enum SynchronizerState
{
    [JsonStringEnumMemberName("triggered")] Triggered,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>The push or the pull of a synchronizer: <c>{"id":"$…","state":…}</c>, plus this node's extensions.</summary>
public sealed record SynchronizerPhase
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    [JsonPropertyName("state")] public SynchronizerState State { get; init; }

    /// <summary>Why the phase is in error; null otherwise.</summary>
    [JsonPropertyName("error_message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; init; }

    /// <summary>Files the phase found conflicted; null when none.</summary>
    [JsonPropertyName("conflicts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Conflicts { get; init; }
}

/// <summary>A storage synchronizer (API.md §6): <c>{"id":"$push+pull","state":…,"push":{…},"pull":{…}}</c>.</summary>
public sealed record Synchronizer
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    [JsonPropertyName("state")] public SynchronizerState State { get; init; }

    [JsonPropertyName("push")] public SynchronizerPhase Push { get; init; } = new();

    [JsonPropertyName("pull")] public SynchronizerPhase Pull { get; init; } = new();
}
