using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace FileSync.Client.Notifications;

/// <summary>
/// <c>store.Notifications</c>: the node's notifications WebSocket (<c>ws://{host}/v0/notifications</c>, API.md §6).
/// Resources: <c>/storage/synchronizers</c>, <c>/fs/{fs}/synchronization</c>, <c>*</c> (everything).
/// </summary>
public sealed class NotificationCommands
{
    public const string Route = "v0/notifications";

    private readonly Uri _endpoint;
    private readonly string? _apiKey;

    internal NotificationCommands(string url, string? apiKey)
    {
        var http = new Uri(url.TrimEnd('/') + "/" + Route);
        var builder = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        _endpoint = builder.Uri;
        _apiKey = apiKey;
    }

    /// <summary>
    /// Connects, subscribes to <paramref name="resources"/> and returns once the node acknowledged each one; every
    /// event published from then on is received. A refused resource throws <see cref="NotificationException"/>.
    /// </summary>
    public async Task<NotificationSubscription> ConnectAsync(IEnumerable<string> resources, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var subscription = await OpenAsync(ct).ConfigureAwait(false);
        try
        {
            await subscription.ExpectEstablishedAsync(ct).ConfigureAwait(false);
            foreach (var resource in resources) await subscription.SubscribeAsync(resource, ct).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Every message of a new connection subscribed to <paramref name="resources"/>, as the node sends them: first
    /// <c>connection.established</c>, then one <c>subscribed</c> per resource (events published after a resource's
    /// acknowledgement are all delivered), then the events, until the node closes or <paramref name="ct"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<Notification> SubscribeAsync(IEnumerable<string> resources, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var subscription = await OpenAsync(ct).ConfigureAwait(false);
        await using (subscription.ConfigureAwait(false))
        {
            foreach (var resource in resources) await subscription.SendRequestAsync("subscribe", resource, ct).ConfigureAwait(false);
            await foreach (var notification in subscription.ReadAllAsync(ct).ConfigureAwait(false)) yield return notification;
        }
    }

    private async Task<NotificationSubscription> OpenAsync(CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        if (!string.IsNullOrEmpty(_apiKey)) socket.Options.SetRequestHeader("Authorization", "ApiKey " + _apiKey);
        try
        {
            await socket.ConnectAsync(_endpoint, ct).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new NotificationSubscription(socket);
    }
}
