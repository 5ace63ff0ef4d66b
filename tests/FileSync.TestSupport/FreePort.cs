using System.Net;
using System.Net.Sockets;

namespace FileSync.TestSupport;

/// <summary>Picks loopback TCP ports that nothing listens on right now.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the OS just handed out for 127.0.0.1. Another process could take it before the caller binds,
    /// so callers that start servers should retry on "address in use".
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
