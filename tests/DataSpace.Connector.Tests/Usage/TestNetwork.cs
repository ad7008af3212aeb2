using System.Collections.Concurrent;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>
/// The outgoing HTTP of the test connectors: each host name goes to an in-process handler (the fake
/// broker, another connector's TestServer); a host that is not (or no longer) on the network cannot
/// be reached, as if it were down.
/// </summary>
internal sealed class TestNetwork
{
    private readonly ConcurrentDictionary<string, HttpMessageHandler> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string host, HttpMessageHandler handler) => _hosts[host] = handler;

    public void Remove(string host) => _hosts.TryRemove(host, out _);

    /// <summary>A new primary handler for an HttpClient (the factory disposes it; the routes outlive it).</summary>
    public HttpMessageHandler Handler() => new Router(this);

    private sealed class Router(TestNetwork network) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!network._hosts.TryGetValue(request.RequestUri!.Host, out var target))
            {
                throw new HttpRequestException($"No route to host {request.RequestUri.Host} (test network).");
            }
            using var invoker = new HttpMessageInvoker(target, disposeHandler: false);
            return await invoker.SendAsync(request, cancellationToken);
        }
    }
}
