using System.Net;
using DataSpace.Policy.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataSpace.Policy;

/// <summary>
/// An OPA-compatible REST server on the embedded engine, in-process on Kestrel: put it where OPA
/// would go (<c>dataspace policy serve</c>), and point <see cref="OpaPolicyEngine"/> or any OPA client at it.
/// </summary>
public sealed class PolicyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PolicyServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the server listens on, with the actual port, e.g. <c>http://127.0.0.1:8181/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Compiles the bundle and starts listening.</summary>
    /// <exception cref="PolicyLoadException">The bundle does not compile.</exception>
    /// <exception cref="ArgumentException">The address cannot be parsed.</exception>
    /// <exception cref="IOException">The address cannot be bound (e.g. the port is in use).</exception>
    public static async Task<PolicyServer> StartAsync(PolicyServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = ParseAddress(options.Address);
        var store = new PolicyStore(options.Bundle, options.DefaultRegoVersion);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        var app = builder.Build();
        app.MapOpaRestApi(store);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PolicyServer(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <summary>Completes when the server stops (on <see cref="StopAsync"/> or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening, letting requests in flight finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static IPEndPoint ParseAddress(string address)
    {
        if (address.StartsWith(':') && int.TryParse(address[1..], out var anyPort) && anyPort is >= 0 and <= 65535)
        {
            return new IPEndPoint(IPAddress.Any, anyPort);
        }
        if (address.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) && int.TryParse(address["localhost:".Length..], out var port) && port is >= 0 and <= 65535)
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }
        return IPEndPoint.TryParse(address, out var endpoint) && address.Contains(':') && endpoint.Port is >= 0 and <= 65535
            ? endpoint
            : throw new ArgumentException($"'{address}' is not a listen address; use host:port, e.g. 127.0.0.1:8181 or :8181.", nameof(address));
    }
}
