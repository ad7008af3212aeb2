using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DataSpace.Broker.Identity;

/// <summary>
/// A fixed window of token requests per client IP address. Idle partitions are dropped by the
/// partitioned limiter itself, so memory follows the number of recently active clients.
/// </summary>
internal sealed class TokenRateLimiter(IOptions<TokenServiceOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimitPermits,
            Window = options.Value.RateLimitWindow,
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string client) => _limiter.AttemptAcquire(client);

    public void Dispose() => _limiter.Dispose();
}
