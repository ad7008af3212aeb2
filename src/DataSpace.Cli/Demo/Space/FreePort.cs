using System.Net;
using System.Net.Sockets;

namespace DataSpace.Cli.Demo.Space;

/// <summary>A free loopback port: a service's URL must be known before it starts (it is the broker's token issuer, or the endpoint a participant registers).</summary>
internal static class FreePort
{
    public static Uri NextUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }
}
