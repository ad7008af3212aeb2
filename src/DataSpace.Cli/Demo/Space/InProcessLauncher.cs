using DataSpace.Broker.Hosting;
using DataSpace.Connector.Hosting;

namespace DataSpace.Cli.Demo.Space;

/// <summary>Runs each service in this process, built by the service's own host from the spec's settings; logs go to the <see cref="ServiceLog"/>.</summary>
internal sealed class InProcessLauncher(ServiceLog log) : ISpaceLauncher
{
    public string Description => "in this process (--processes runs each as its own dataspace process)";

    public async Task<IDemoService> StartAsync(ServiceSpec spec, CancellationToken cancellationToken) =>
        await InProcessService.StartAsync(
            spec.Name,
            spec.Url,
            spec.Settings,
            spec.Kind == ServiceKind.Broker ? BrokerHost.BuildAsync : ConnectorHost.BuildAsync,
            log,
            cancellationToken);
}
