using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace DataSpace.Policy;

/// <summary>Registers the OPA backend as the application's <see cref="IPolicyEngine"/>.</summary>
public static class OpaServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client the OPA backend uses.</summary>
    public const string HttpClientName = "DataSpace.Policy.Opa";

    /// <summary>
    /// Adds <see cref="OpaPolicyEngine"/> (singleton, also as <see cref="IPolicyEngine"/>) with an HTTP
    /// client whose pipeline is: total timeout → retry (transient failures, exponential back-off with
    /// jitter) → per-attempt timeout. Returns the client builder, e.g. to set a primary handler.
    /// </summary>
    public static IHttpClientBuilder AddOpaPolicyEngine(this IServiceCollection services, Action<OpaPolicyEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.AddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var options = sp.GetRequiredService<IOptions<OpaPolicyEngineOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<OpaPolicyEngine>>();
            return new OpaPolicyEngine(() => factory.CreateClient(HttpClientName), options, logger);
        });
        services.AddSingleton<IPolicyEngine>(sp => sp.GetRequiredService<OpaPolicyEngine>());

        var client = services.AddHttpClient(HttpClientName, (sp, http) =>
        {
            // The resilience pipeline owns every time limit; HttpClient's own 100 s default would only mask it.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler("opa", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<OpaPolicyEngineOptions>>().Value;
            pipeline
                .AddTimeout(options.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetries, 0) is var n && n > 0 ? n : 1,
                    ShouldHandle = options.MaxRetries > 0 ? new HttpRetryStrategyOptions().ShouldHandle : _ => PredicateResult.False(),
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                })
                .AddTimeout(options.AttemptTimeout);
        });
        return client;
    }
}
