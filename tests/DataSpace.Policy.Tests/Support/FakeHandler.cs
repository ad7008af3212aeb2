using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataSpace.Policy.Tests.Support;

/// <summary>An HTTP handler that answers with a script, counting the attempts it saw.</summary>
internal sealed class FakeHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string type = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, type) };

    /// <summary>A loopback port nothing listens on, so connecting is refused.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        answer(Interlocked.Increment(ref _attempts), cancellationToken);
}
