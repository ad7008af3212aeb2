using DataSpace.Broker.Registry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataSpace.Broker.Identity;

/// <summary>Registers the broker's token service.</summary>
public static class TokenServiceCollectionExtensions
{
    /// <summary>
    /// Adds the token service: options (validated at start), the signing key, the assertion
    /// validator and replay cache, the access token issuer and the per-IP rate limiter. The host
    /// must also register an <see cref="IParticipantDirectory"/>; a <see cref="TimeProvider"/> is
    /// added (the system clock) unless one is registered already.
    /// </summary>
    public static IServiceCollection AddTokenService(this IServiceCollection services, Action<TokenServiceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TokenServiceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenServiceOptions>, TokenServiceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => BrokerSigningKey.LoadOrCreate(
            provider.GetRequiredService<IOptions<TokenServiceOptions>>().Value.KeyDirectory,
            provider.GetRequiredService<ILogger<BrokerSigningKey>>()));
        services.TryAddSingleton(provider => new AssertionReplayCache(provider.GetRequiredService<IOptions<TokenServiceOptions>>().Value.ReplayCacheCapacity));
        services.TryAddSingleton<ClientAssertionValidator>();
        services.TryAddSingleton<AccessTokenIssuer>();
        services.TryAddSingleton<TokenRateLimiter>();
        return services;
    }
}
