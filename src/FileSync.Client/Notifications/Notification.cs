using System.Text.Json;

namespace FileSync.Client.Notifications;

/// <summary>
/// One message from the node's notifications WebSocket: <c>{"resource","event","data"}</c>.
/// <see cref="Data"/> is <see cref="JsonValueKind.Undefined"/> when the message has none (e.g. <c>connection.established</c>).
/// </summary>
public sealed record Notification(string Resource, string Event, JsonElement Data)
{
    /// <summary>The resource of the node's own messages: <c>connection.established</c>, <c>error</c>, <c>subscribed</c>, <c>unsubscribed</c>.</summary>
    public const string ServerResource = "/notifications";

    public bool IsError => Resource == ServerResource && Event == "error";

    /// <summary>A string property of <see cref="Data"/>, or null.</summary>
    public string? DataString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
