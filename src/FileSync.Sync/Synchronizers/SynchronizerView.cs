using System.Text.Json.Serialization;

namespace FileSync.Sync.Synchronizers;

/// <summary>State of a storage synchronizer, of its push and of its pull (API.md §6); serialized lower-case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SynchronizerState>))]
public enum SynchronizerState
{
    [JsonStringEnumMemberName("triggered")] Triggered,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>One half of a synchronizer (the push or the pull) as the PLM API shows it: <c>{"id":"$…","state":…}</c>.</summary>
public sealed record SynchronizerPhaseView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] SynchronizerState State)
{
    /// <summary>Why the phase ended in <see cref="SynchronizerState.Error"/>; absent otherwise (an extension of the PLM shape).</summary>
    [JsonPropertyName("error_message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; init; }

    /// <summary>Files this phase found conflicted (the receiving side keeps both versions); absent when none (an extension).</summary>
    [JsonPropertyName("conflicts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Conflicts { get; init; }
}

/// <summary>
/// A storage synchronizer as <c>POST/GET /storage/synchronizers</c> and the <c>sync.started</c> /
/// <c>sync.completed</c> notifications carry it: <c>{"id":"$push+pull","state":…,"push":{…},"pull":{…}}</c>.
/// </summary>
public sealed record SynchronizerView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] SynchronizerState State,
    [property: JsonPropertyName("push")] SynchronizerPhaseView Push,
    [property: JsonPropertyName("pull")] SynchronizerPhaseView Pull);
