using DataSpace.Broker.Hosting;

namespace DataSpace.Broker.Negotiation;

/// <summary>Registers the negotiation feature.</summary>
internal static class NegotiationServices
{
    public static IServiceCollection AddNegotiation(this IServiceCollection services, BrokerOptions options)
    {
        services.AddSingleton<NegotiationBook>();
        services.AddSingleton<NegotiationSteps>();
        services.AddSingleton<ConsumerTurn>();
        services.AddSingleton<ProviderClient>();
        services.AddHttpClient(ProviderClient.HttpClientName, http => http.Timeout = options.CallbackTimeout);
        return services;
    }
}
