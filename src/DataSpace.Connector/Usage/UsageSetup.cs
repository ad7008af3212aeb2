using DataSpace.Connector.Hosting;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Connector.Usage;

/// <summary>Registers usage control: the read path's helpers, the provider notifier, the notice log and the delete-after job.</summary>
internal static class UsageSetup
{
    /// <summary>
    /// Adds usage control (once; a second call does nothing). Needs what <see cref="ConnectorHost"/>
    /// registers first: options, keys, clock, policy, stores, index, agreements, the broker client and
    /// the space token client.
    /// </summary>
    public static IServiceCollection AddUsageControl(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(UsageLog)))
        {
            return services;
        }
        services.AddSingleton<UsageLog>();
        services.AddSingleton<UsageNoticeLog>();
        services.AddSingleton<AgreementGates>();
        services.AddSingleton<OwnSubject>();
        services.AddSingleton<DataDeletion>();
        services.AddHttpClient<ProviderNotifier>(http => http.Timeout = ProviderNotifier.Timeout).AddSpaceTokenHandler();
        services.AddHttpClient<DeletionLookup>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<ConnectorOptions>().BrokerUrl.TrimEnd('/') + "/"));
        services.AddHostedService<DeletionSweeper>();
        return services;
    }
}
