using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataSpace.Hosting.Limits;

/// <summary>Registers the request limits: body size (Kestrel and the fallback middleware), Kestrel's other limits, rate limiting.</summary>
internal static class LimitsSetup
{
    public static IServiceCollection AddDataSpaceLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimitsOptions>()
            .Bind(configuration.GetSection(RequestLimitsOptions.Section))
            .Validate(o => o.MaxRequestBodySize > 0, "Hosting:Limits:MaxRequestBodySize must be positive.")
            .Validate(o => o.RateLimitPermits > 0 && o.RateLimitWindow > TimeSpan.Zero, "Hosting:Limits: the rate limit needs positive permits and window.")
            .ValidateOnStart();

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodySize;
            // Kestrel's other defaults are already conservative (32 KiB of headers, 100 headers,
            // 30 s for headers, 240 B/s minimum body rate against slow uploads); keep them.
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RequestLimitsOptions>>((rate, limits) =>
        {
            rate.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            rate.OnRejected = RateLimitRejection.WriteAsync;
            rate.AddPerCallerPolicy(RateLimitPolicies.PerCaller, limits.Value.RateLimitPermits, limits.Value.RateLimitWindow);
        });
        return services;
    }

    /// <summary>After routing (the endpoint's own limit is known) and before anything reads the body.</summary>
    public static IApplicationBuilder UseDataSpaceBodyLimit(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestBodyLimitMiddleware>();
}
