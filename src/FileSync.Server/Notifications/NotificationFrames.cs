using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FileSync.Sync.Notifications;
using FileSync.Sync.Synchronizers;

namespace FileSync.Server.Notifications;

/// <summary>
/// The UTF-8 JSON text of every message the server sends: <c>{"resource","event","data"}</c>. Each event is
/// written once and the same bytes go to every subscriber.
/// </summary>
public static class NotificationFrames
{
    public const string ConnectionEstablishedEvent = "connection.established";
    public const string ErrorEvent = "error";
    public const string SubscribedEvent = "subscribed";
    public const string UnsubscribedEvent = "unsubscribed";
    public const string SyncStartedEvent = "sync.started";
    public const string SyncCompletedEvent = "sync.completed";
    public const string SynchronizationEvent = "synchronization";
    public const string ConflictEvent = "conflict";

    /// <summary><c>{"resource":"/notifications","event":"connection.established"}</c> (no data, as the PLM protocol has it).</summary>
    public static byte[] ConnectionEstablished { get; } = Write(NotificationResources.Notifications, ConnectionEstablishedEvent, null);

    public static byte[] Error(string code, string message) => Write(NotificationResources.Notifications, ErrorEvent, json =>
    {
        json.WriteString("error_code", code);
        json.WriteString("error_message", message);
    });

    /// <summary>The acknowledgement of a <c>subscribe</c> / <c>unsubscribe</c>: every event published after it reaches the subscriber.</summary>
    public static byte[] Acknowledged(string @event, string resource) =>
        Write(NotificationResources.Notifications, @event, json => json.WriteString("resource", resource));

    public static byte[] Synchronizer(string @event, SynchronizerView view) =>
        Write(NotificationResources.Synchronizers, @event, null, view);

    /// <summary>RavenFS's <c>SynchronizationUpdateNotification</c> shape (PascalCase, enums as names).</summary>
    public static byte[] Activity(SynchronizationActivity activity) =>
        Write(NotificationResources.Synchronization(activity.FileSystem), SynchronizationEvent, json =>
        {
            json.WriteString("FileName", activity.FileName);
            json.WriteString("DestinationFileSystemUrl", activity.DestinationFileSystemUrl);
            json.WriteString("Type", activity.Type.ToString());
            json.WriteString("Action", activity.Action.ToString());
            json.WriteString("Direction", activity.Direction.ToString());
        });

    /// <summary>RavenFS's <c>ConflictNotification</c> shape.</summary>
    public static byte[] Conflict(ConflictActivity conflict) =>
        Write(NotificationResources.Synchronization(conflict.FileSystem), ConflictEvent, json =>
        {
            json.WriteString("FileName", conflict.FileName);
            json.WriteString("SourceServerUrl", conflict.SourceServerUrl);
            json.WriteString("Status", conflict.Status.ToString());
        });

    // Plain JSON for a WebSocket, not HTML: "$a+b" stays "$a+b" instead of "$a\u002Bb".
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Write(string resource, string @event, Action<Utf8JsonWriter>? dataProperties, SynchronizerView? view = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("resource", resource);
            json.WriteString("event", @event);
            if (view is not null)
            {
                json.WritePropertyName("data");
                // The view's own attributes give the PLM lower-case names and states.
                JsonSerializer.Serialize(json, view);
            }
            else if (dataProperties is not null)
            {
                json.WriteStartObject("data");
                dataProperties(json);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
