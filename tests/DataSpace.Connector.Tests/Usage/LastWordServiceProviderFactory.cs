using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>
/// Lets a test have the last word on a host's services: <paramref name="last"/> runs when the
/// container is built, after every registration the host made (its clock, its HTTP handlers). No
/// validation on build, as in production: other features register their handlers as they land.
/// </summary>
internal sealed class LastWordServiceProviderFactory(Action<IServiceCollection> last) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        last(services);
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
        containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
}
