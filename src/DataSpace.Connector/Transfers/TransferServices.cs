using DataSpace.Connector.Hosting;
using DataSpace.Connector.Witnessing;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Connector.Transfers;

/// <summary>Registers the transfer feature: both roles' services, the ledger witness they rely on, and the typed client for provider connectors.</summary>
internal static class TransferServices
{
    public static IServiceCollection AddTransfers(this IServiceCollection services)
    {
        services.AddSingleton<LedgerWitness>();
        services.AddHttpClient<CosignatureClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<ConnectorOptions>().BrokerUrl.TrimEnd('/') + "/"))
            .AddSpaceTokenHandler();
        services.AddSingleton<AgreementVerifier>();
        services.AddSingleton<ProvidedTransfers>();
        services.AddSingleton<TransferSender>();
        services.AddSingleton<ReceivingJournal>();
        services.AddSingleton<TransferTermination>();
        services.AddSingleton<TransferSuspension>();
        services.AddSingleton<InFlightTransfers>();
        services.AddHttpClient<ProviderConnectorClient>(ProviderConnectorClient.HttpClientName).AddSpaceTokenHandler();
        return services;
    }
}
