using System.Net;
using System.Net.Sockets;

namespace FileSync.Benchmarks;

/// <summary>
/// A loopback TCP relay that counts every payload byte in both directions. Both systems of the
/// sync-vs-rsync benchmark talk through one, so their wire bytes are measured the same way and other
/// programs' loopback traffic (the machine is shared) does not leak into the figures.
/// </summary>
public sealed class SyncByteCountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private long _bytes;

    public SyncByteCountingProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>Bytes relayed so far, both directions together.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                target.NoDelay = true;
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var up = PumpAsync(client.GetStream(), target.GetStream(), target.Client);
                var down = PumpAsync(target.GetStream(), client.GetStream(), client.Client);
                await Task.WhenAll(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A side closed abruptly: the relay ends with it.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Socket toSocket)
    {
        var buffer = new byte[256 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            Interlocked.Add(ref _bytes, read);
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
        // Pass the end of stream on, so request/response protocols see their peer finish.
        toSocket.Shutdown(SocketShutdown.Send);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked.
        }
        _stop.Dispose();
    }
}
