using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using FileSync.Client;
using FileSync.Client.Notifications;
using FileSync.Client.Storage;

namespace FileSync.Cli.Palettes;

/// <summary>
/// Starts a storage synchronizer and follows it to its end. It listens on the notifications WebSocket first
/// (<c>/storage/synchronizers</c> for <c>sync.started</c>/<c>sync.completed</c>, <c>/fs/{fs}/synchronization</c>
/// for file activity), so no event of the new synchronizer is missed, and also reads it back every second: the
/// push → pull step has no event of its own, and polling alone still works when the socket cannot be opened.
/// </summary>
internal sealed class SynchronizerFollower(FilesStore store, SynchronizerProgress progress)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Synchronizer> RunAsync(CancellationToken ct)
    {
        var events = Channel.CreateUnbounded<Notification>();
        await using var subscription = await TryConnectAsync(ct).ConfigureAwait(false);
        using var stopPump = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pump = subscription is null ? Task.CompletedTask : PumpAsync(subscription, events.Writer, stopPump.Token);
        try
        {
            var current = await store.Storage.Synchronizers.CreateAsync(ct).ConfigureAwait(false);
            progress.Show(current);
            while (current.State == SynchronizerState.Triggered)
            {
                current = await NextStateAsync(current, events.Reader, ct).ConfigureAwait(false);
                progress.Show(current);
            }

            return current;
        }
        finally
        {
            await stopPump.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>Waits for an event about <paramref name="current"/> or one poll interval, whichever comes first.</summary>
    private async Task<Synchronizer> NextStateAsync(Synchronizer current, ChannelReader<Notification> events, CancellationToken ct)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
        tick.CancelAfter(PollInterval);
        try
        {
            while (await events.WaitToReadAsync(tick.Token).ConfigureAwait(false))
            {
                while (events.TryRead(out var notification))
                {
                    if (AsSynchronizer(notification) is { } update && update.Id == current.Id) return update;
                    if (Activity(notification) is { } line) progress.Activity(line, notification.DataString("Direction") == "Outgoing");
                }
            }
            // The socket ended (the channel is complete): still wait out the second, or polling would spin.
            await Task.Delay(Timeout.Infinite, tick.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A quiet second: read the state back below.
        }

        return await store.Storage.Synchronizers.GetAsync(current.Id, ct).ConfigureAwait(false);
    }

    private async Task<NotificationSubscription?> TryConnectAsync(CancellationToken ct)
    {
        try
        {
            var fileSystems = await store.AsyncFilesCommands.Admin.GetNamesAsync(ct).ConfigureAwait(false);
            string[] resources = ["/storage/synchronizers", .. fileSystems.Select(fs => $"/fs/{fs}/synchronization")];
            return await store.Notifications.ConnectAsync(resources, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or NotificationException or HttpRequestException)
        {
            progress.Note($"live updates unavailable ({FailureMessages.OneLine(e.Message)}); reading the state every second");
            return null;
        }
    }

    // One reader for the socket; the follower waits on the channel (cancelling a socket read would abort the socket).
    private static async Task PumpAsync(NotificationSubscription subscription, ChannelWriter<Notification> events, CancellationToken ct)
    {
        try
        {
            while (await subscription.ReceiveAsync(ct).ConfigureAwait(false) is { } notification) events.TryWrite(notification);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or NotificationException)
        {
            // The socket is gone or no longer wanted; polling carries on alone.
        }
        finally
        {
            events.TryComplete();
        }
    }

    private static Synchronizer? AsSynchronizer(Notification notification) =>
        notification.Resource == "/storage/synchronizers" && notification.Data.ValueKind == JsonValueKind.Object
            ? notification.Data.Deserialize<Synchronizer>(Json)
            : null;

    /// <summary>"Outgoing Start ContentUpdate /a.txt → http://b/fs/X" for a file event, or a conflict line.</summary>
    private static string? Activity(Notification n)
    {
        if (!n.Resource.EndsWith("/synchronization", StringComparison.Ordinal)) return null;
        if (n.DataString("FileName") is not { } file) return null;
        if (n.DataString("Status") is { } status) return $"conflict {status.ToLowerInvariant()}: {file} (from {n.DataString("SourceServerUrl")})";
        var arrow = n.DataString("Direction") == "Incoming" ? "←" : "→";
        return $"{n.DataString("Direction")} {n.DataString("Action")} {n.DataString("Type")} {file} {arrow} {n.DataString("DestinationFileSystemUrl")}";
    }
}
