using DataSpace.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Hosting.Policies;

/// <summary>Registers the configured policy backend and the loaded bundle.</summary>
public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Loads the bundle at <see cref="PolicyBackendOptions.Path"/> (a load or compile error throws
    /// <see cref="PolicyLoadException"/> naming file and line) and registers <see cref="IPolicyEngine"/>
    /// (embedded, or OPA with this bundle's digest), the <see cref="PolicyBundle"/> and the <see cref="PolicyGate"/>.
    /// </summary>
    public static IServiceCollection AddDataSpacePolicy(this IServiceCollection services, PolicyBackendOptions options, out PolicyBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(options);
        bundle = PolicyBundle.Load(options.Path);
        var loaded = bundle;
        services.AddSingleton(bundle);
        if (options.Backend == PolicyBackendOptions.Opa)
        {
            services.AddOpaPolicyEngine(opa =>
            {
                opa.BaseAddress = new Uri(options.OpaUrl!);
                opa.BundleDigest = loaded.Digest;
            });
        }
        else
        {
            var engine = EmbeddedPolicyEngine.Create(bundle);
            services.AddSingleton<IPolicyEngine>(engine);
        }
        services.AddSingleton<PolicyGate>();
        return services;
    }
}
