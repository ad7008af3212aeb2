using DataSpace.Policy.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Policy.Tests.Contract;

/// <summary>The OPA backend over real HTTP against <see cref="PolicyServer"/> on a loopback port, loaded with PUT /v1/policies.</summary>
public sealed class OpaPolicyEngineContractTests : PolicyEngineContract
{
    private PolicyServer? _server;
    private ServiceProvider? _services;

    protected override async Task<IPolicyEngine> StartAsync(PolicyBundle bundle)
    {
        _server = await PolicyServer.StartAsync(new PolicyServerOptions { Address = "127.0.0.1:0" }, TestContext.Current.CancellationToken);
        var (engine, services) = OpaEngines.Create(_server.Address);
        _services = services;
        await engine.LoadBundleAsync(bundle, TestContext.Current.CancellationToken);
        return engine;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
