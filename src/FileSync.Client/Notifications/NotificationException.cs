namespace FileSync.Client.Notifications;

/// <summary>The node refused a subscription (an <c>error</c> event) or closed the notifications socket while it was being set up.</summary>
public sealed class NotificationException(string message, string? errorCode = null) : Exception(message)
{
    /// <summary>The node's <c>error_code</c>, when it sent one.</summary>
    public string? ErrorCode { get; } = errorCode;
}
