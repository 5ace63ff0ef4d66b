using System.Text.Json;

namespace FileSync.Server.Notifications;

/// <summary>A valid message from a client: subscribe to or unsubscribe from one resource.</summary>
public sealed record ClientRequest(bool Subscribe, string Resource);

/// <summary>Why a client message was refused (sent back as an <c>error</c> event; the connection stays up).</summary>
public sealed record ClientMessageError(string Code, string Message);

/// <summary>
/// Reads one text message: <c>{"resource":"_client","event":"subscribe"|"unsubscribe","data":{"resource":…}}</c>.
/// </summary>
public static class ClientMessageParser
{
    public const string SubscribeEvent = "subscribe";
    public const string UnsubscribeEvent = "unsubscribe";

    private const string Shape = "{\"resource\":\"_client\",\"event\":\"subscribe\",\"data\":{\"resource\":\"/storage/synchronizers\"}}";

    /// <summary>Either a request or an error, never both.</summary>
    public static (ClientRequest? Request, ClientMessageError? Error) Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            return Fail(NotificationErrorCodes.InvalidMessage, $"The message is not valid JSON ({e.Message}); send {Shape}.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryString(root, "resource", out var messageResource)
                || !TryString(root, "event", out var @event))
                return Fail(NotificationErrorCodes.InvalidMessage, $"A message is a JSON object with string 'resource' and 'event', e.g. {Shape}.");
            if (messageResource != NotificationResources.Client)
                return Fail(NotificationErrorCodes.UnknownMessageResource,
                    $"Messages to the server name the resource '{NotificationResources.Client}', not '{messageResource}'.");
            if (@event is not (SubscribeEvent or UnsubscribeEvent))
                return Fail(NotificationErrorCodes.UnknownEvent, $"Unknown event '{@event}': the server accepts '{SubscribeEvent}' and '{UnsubscribeEvent}'.");
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || !TryString(data, "resource", out var resource))
                return Fail(NotificationErrorCodes.MissingData, $"'{@event}' needs the resource in its data: {{\"data\":{{\"resource\":\"…\"}}}}.");
            if (!NotificationResources.IsKnown(resource))
                return Fail(NotificationErrorCodes.UnknownResource, $"Unknown resource '{resource}'. {NotificationResources.Describe()}");
            return (new ClientRequest(@event == SubscribeEvent, resource), null);
        }
    }

    private static bool TryString(JsonElement element, string name, out string value)
    {
        value = "";
        if (!element.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String) return false;
        value = property.GetString()!;
        return true;
    }

    private static (ClientRequest?, ClientMessageError?) Fail(string code, string message) => (null, new ClientMessageError(code, message));
}
