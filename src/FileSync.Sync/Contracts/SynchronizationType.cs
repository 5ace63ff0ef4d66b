using System.Text.Json.Serialization;

namespace FileSync.Sync.Contracts;

/// <summary>What a synchronization does to the destination's file (RavenFS names; JSON as names).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SynchronizationType>))]
public enum SynchronizationType
{
    Unknown,
    ContentUpdate,
    MetadataUpdate,
    Rename,
    Delete,
}
