using System.Net.WebSockets;
using System.Threading.Channels;
using FileSync.Kernel;

namespace FileSync.Server.Notifications;

/// <summary>
/// One subscriber's WebSocket. Frames wait in a bounded buffer (<see cref="NotificationSettings.BufferSize"/>) that
/// one send loop drains; the hub and the receive loop only ever <see cref="TryEnqueue"/>. A full buffer means the
/// subscriber is too slow: what is still queued is dropped and the connection is closed with 1008 "subscriber too
/// slow" (aborted when even the close cannot be sent within <see cref="NotificationSettings.CloseTimeout"/>).
/// </summary>
public sealed class NotificationConnection : INotificationSubscriber, IDisposable
{
    public const string TooSlowReason = "subscriber too slow";
    public const string ShuttingDownReason = "the node is shutting down";

    private readonly WebSocket _socket;
    private readonly NotificationSettings _settings;
    private readonly Channel<byte[]> _outgoing;
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _stopSending = new();
    private int _tooSlow;
    private int _abortArmed;
    private int _disposed;

    public NotificationConnection(WebSocket socket, NotificationSettings settings)
    {
        _socket = socket;
        _settings = settings;
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(settings.BufferSize)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false instead of dropping silently
        });
        _abort.Token.Register(socket.Abort);
    }

    public Guid Id { get; } = Guid.NewGuid();

    private bool TooSlow => Volatile.Read(ref _tooSlow) != 0;

    public bool TryEnqueue(byte[] frame)
    {
        if (_outgoing.Writer.TryWrite(frame)) return true;
        // After Dispose the hub may still hold this connection for a moment: it just forgets it.
        if (Volatile.Read(ref _disposed) != 0) return false;
        if (Interlocked.Exchange(ref _tooSlow, 1) == 0)
        {
            // Wakes the send loop; a send stuck behind a full socket is cut off by the abort timer.
            _outgoing.Writer.TryComplete();
            ArmAbort();
        }
        return false;
    }

    /// <summary>
    /// Serves the connection until it ends: sends <c>connection.established</c>, registers with the hub, answers
    /// client messages and sends what the hub queues. Returns once the socket is closed or aborted.
    /// </summary>
    public async Task RunAsync(IActorRef hub, CancellationToken nodeStopping)
    {
        TryEnqueue(NotificationFrames.ConnectionEstablished);
        hub.Tell(new SubscriberConnected(this));
        // Stopping (or the receive side ending) also arms the abort timer: a send stuck behind a client that
        // stopped reading must not hold the node's shutdown or this handler beyond the close timeout.
        using var stopping = nodeStopping.Register(StopSending);
        try
        {
            var sending = SendLoopAsync();
            try
            {
                await ReceiveLoopAsync(hub).ConfigureAwait(false);
            }
            finally
            {
                StopSending();
            }
            await sending.ConfigureAwait(false);
        }
        finally
        {
            hub.Tell(new SubscriberDisconnected(Id));
        }
    }

    private async Task SendLoopAsync()
    {
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopSending.Token).ConfigureAwait(false))
            {
                while (!TooSlow && reader.TryRead(out var frame))
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                if (TooSlow) break;
            }
        }
        catch (OperationCanceledException) when (_stopSending.IsCancellationRequested)
        {
            // The client closed, the receive side broke, or the node is stopping: close below.
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            return; // the connection is gone; nothing left to close
        }
        await CloseAsync().ConfigureAwait(false);
    }

    private async Task CloseAsync()
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        var (status, reason) = TooSlow ? (WebSocketCloseStatus.PolicyViolation, TooSlowReason)
            : _socket.State == WebSocketState.CloseReceived ? (WebSocketCloseStatus.NormalClosure, "")
            : (WebSocketCloseStatus.EndpointUnavailable, ShuttingDownReason);
        // A client that never answers the close must not hold the connection open.
        ArmAbort();
        try
        {
            await _socket.CloseOutputAsync(status, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            // Aborted meanwhile.
        }
    }

    private async Task ReceiveLoopAsync(IActorRef hub)
    {
        var buffer = new byte[4096];
        var message = new MemoryStream();
        var tooLarge = false;
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return;
                if (!tooLarge) message.Write(buffer, 0, result.Count);
                tooLarge |= message.Length > NotificationSettings.MaxClientMessageBytes;
                if (!result.EndOfMessage) continue;

                if (result.MessageType == WebSocketMessageType.Binary)
                    Refuse(NotificationErrorCodes.BinaryNotSupported, "Binary messages are not part of the protocol: send JSON text.");
                else if (tooLarge)
                    Refuse(NotificationErrorCodes.MessageTooLarge,
                        $"The message is larger than {NotificationSettings.MaxClientMessageBytes} bytes and was ignored.");
                else
                    Handle(hub, message.GetBuffer().AsMemory(0, (int)message.Length));
                message.SetLength(0);
                tooLarge = false;
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The client went away or the connection was aborted.
        }
    }

    private void Handle(IActorRef hub, ReadOnlyMemory<byte> text)
    {
        var (request, error) = ClientMessageParser.Parse(text);
        if (error is not null) Refuse(error.Code, error.Message);
        else if (request!.Subscribe) hub.Tell(new SubscribeToResource(Id, request.Resource));
        else hub.Tell(new UnsubscribeFromResource(Id, request.Resource));
    }

    private void StopSending()
    {
        _stopSending.Cancel();
        ArmAbort();
    }

    private void Refuse(string code, string message) => TryEnqueue(NotificationFrames.Error(code, message));

    private void ArmAbort()
    {
        if (Interlocked.Exchange(ref _abortArmed, 1) != 0) return;
        try
        {
            _abort.CancelAfter(_settings.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _outgoing.Writer.TryComplete();
        _abort.Dispose();
        _stopSending.Dispose();
    }
}
