using System.Globalization;
using System.Threading.RateLimiting;

namespace DataSpace.Broker.Identity;

/// <summary>
/// Applies <see cref="TokenRateLimiter"/> to <c>POST /token</c> and answers 429 problem+json with
/// <c>Retry-After</c>. An endpoint filter rather than the rate-limiting middleware on purpose: the
/// middleware does nothing unless the host also calls <c>UseRateLimiter()</c>, and the token
/// endpoint must never be left unlimited by a forgotten line in Program.
/// </summary>
internal sealed class TokenRateLimitFilter(TokenRateLimiter limiter, ILogger<TokenRateLimitFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Behind a proxy this is the proxy unless the host applies forwarded headers first.
        var client = context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = limiter.Acquire(client);
        if (lease.IsAcquired)
        {
            return await next(context).ConfigureAwait(false);
        }
        TokenServiceLog.RateLimited(logger, client);
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many token requests",
            detail: "This client sent more token requests than the broker allows; cache the access token until it nears expiry and retry after the time in Retry-After.");
    }
}
