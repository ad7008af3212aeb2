using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace DataSpace.Hosting.Limits;

/// <summary>
/// Named rate limits a service can put on its endpoints. Rejections answer 429 problem+json with
/// <c>Retry-After</c> (registered by the service defaults).
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>
    /// The policy the service defaults register: <see cref="RequestLimitsOptions.RateLimitPermits"/> requests
    /// per <see cref="RequestLimitsOptions.RateLimitWindow"/> for each caller.
    /// </summary>
    public const string PerCaller = "dataspace-per-caller";

    /// <summary>
    /// Adds a fixed-window policy named <paramref name="policyName"/> that counts each caller apart:
    /// an authenticated caller by its subject (the participant id in its token), anyone else by address.
    /// </summary>
    public static RateLimiterOptions AddPerCallerPolicy(this RateLimiterOptions options, string policyName, int permits, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permits);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return options.AddPolicy(policyName, context => RateLimitPartition.GetFixedWindowLimiter(
            CallerOf(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
    }

    /// <summary>Puts the endpoint under <see cref="PerCaller"/>.</summary>
    public static TBuilder RequirePerCallerRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(PerCaller);

    private static string CallerOf(HttpContext context)
    {
        var user = context.User;
        // JwtBearer maps "sub" to NameIdentifier unless inbound claim mapping is off; accept both.
        var subject = user.Identity?.IsAuthenticated == true
            ? user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
            : null;
        return subject is not null ? $"sub:{subject}" : $"ip:{context.Connection.RemoteIpAddress}";
    }
}
