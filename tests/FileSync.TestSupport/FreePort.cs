using System.Net;
using System.Net.Sockets;

namespace FileSync.TestSupport;

/// <summary>Picks loopback TCP ports that nothing listens on right now.</summary>
public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999): a port the OS hands out for port 0 is also what it
    // picks as the source port of the next outgoing connection, so a server started a moment later
    // could find it taken. Ports here are only ever used by someone asking for them by number.
    private const int RangeStart = 12000;
    private const int RangeSize = 20000;

    // Each test process walks the range from its own starting point, so parallel test assemblies
    // rarely probe the same ports, and one process never hands out a port twice.
    private static int s_next = Random.Shared.Next(RangeSize);

    /// <summary>
    /// A port below the ephemeral range that could be bound on 127.0.0.1 just now. Another process could
    /// still take it before the caller binds, so callers that start servers should retry on "address in use".
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < RangeSize; attempt++)
        {
            var port = RangeStart + (int)((uint)Interlocked.Increment(ref s_next) % RangeSize);
            if (CanBind(port)) return port;
        }

        throw new InvalidOperationException($"No free loopback port in {RangeStart}–{RangeStart + RangeSize - 1}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
