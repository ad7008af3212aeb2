using System.Net;
using System.Net.Sockets;

namespace DataSpace.TestSpace;

/// <summary>A free loopback port: the service's URL must be known before it starts (it is its token issuer or its registered endpoint).</summary>
public static class FreePort
{
    // Below the kernel's ephemeral range (32768 and up on Linux, 49152 on Windows), where client
    // sockets take their local ports: a port the kernel hands out as free can be taken by any
    // outgoing connection of a test running alongside before the service binds it.
    private const int First = 20000;
    private const int Last = 32000;

    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last} after 200 tries.");
    }
}
