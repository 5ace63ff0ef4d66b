namespace FileSync.Server.Notifications;

/// <summary>The <c>error_code</c> values of the <c>error</c> event (docs/notifications.md lists them with examples).</summary>
public static class NotificationErrorCodes
{
    /// <summary>The text is not JSON, or not a JSON object with string <c>resource</c> and <c>event</c>.</summary>
    public const string InvalidMessage = "invalid_message";

    /// <summary>The message's own resource is not <c>_client</c>.</summary>
    public const string UnknownMessageResource = "unknown_message_resource";

    /// <summary>The event is neither <c>subscribe</c> nor <c>unsubscribe</c>.</summary>
    public const string UnknownEvent = "unknown_event";

    /// <summary><c>subscribe</c>/<c>unsubscribe</c> without <c>data.resource</c>.</summary>
    public const string MissingData = "missing_data";

    /// <summary>The resource asked for is not one the node publishes.</summary>
    public const string UnknownResource = "unknown_resource";

    /// <summary>A binary frame: the protocol is JSON text.</summary>
    public const string BinaryNotSupported = "binary_not_supported";

    /// <summary>A message above the size limit (it is skipped whole).</summary>
    public const string MessageTooLarge = "message_too_large";
}
