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
        // Without the client factory's logging handlers: they open a log scope (and format the URI)
        // for every callback, two per negotiation, for messages the default levels never write.
        // Traces and metrics of the calls come from the handler itself and stay.
        services.AddHttpClient(ProviderClient.HttpClientName, http => http.Timeout = options.CallbackTimeout).RemoveAllLoggers();
        return services;
    }
}
