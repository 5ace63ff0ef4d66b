using System.Globalization;
using FileSync.Hocon;

namespace FileSync.Server.Notifications;

/// <summary>
/// HOCON <c>filesync.notifications { buffer-size, close-timeout }</c> (docs/notifications.md).
/// </summary>
/// <param name="BufferSize">Frames queued per connection before it counts as too slow and is closed with 1008.</param>
/// <param name="CloseTimeout">How long a close handshake (or a send stuck behind a full socket) may take before the connection is aborted.</param>
public sealed record NotificationSettings(int BufferSize, TimeSpan CloseTimeout)
{
    /// <summary>Client messages above this size are skipped and answered with <c>message_too_large</c>.</summary>
    public const int MaxClientMessageBytes = 16 * 1024;

    public static NotificationSettings Default { get; } = new(1000, TimeSpan.FromSeconds(10));

    public static NotificationSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("filesync:notifications");
        var size = section["buffer-size"] is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : Default.BufferSize;
        var timeout = section["close-timeout"] is { Length: > 0 } t ? HoconValues.ParseDuration(t) : Default.CloseTimeout;
        if (size < 1) throw new ArgumentException($"filesync.notifications.buffer-size must be at least 1; got {size}.");
        if (timeout <= TimeSpan.Zero) throw new ArgumentException($"filesync.notifications.close-timeout must be positive; got {timeout}.");
        return new NotificationSettings(size, timeout);
    }
}
