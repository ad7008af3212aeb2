using System.Net;
using System.Net.Sockets;

namespace DataSpace.TestSpace;

/// <summary>A free loopback port: the service's URL must be known before it starts (it is its token issuer or its registered endpoint).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
