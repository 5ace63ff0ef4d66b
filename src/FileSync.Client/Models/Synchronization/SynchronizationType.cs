using System.Text.Json.Serialization;

namespace FileSync.Client;

/// <summary>What a synchronization did to a file on the destination (API.md §4 spelling).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SynchronizationType>))]
public enum SynchronizationType
{
    Unknown,
    ContentUpdate,
    MetadataUpdate,
    Rename,
    Delete,
}
