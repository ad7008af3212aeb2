using DataSpace.Policy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataSpace.Hosting.Health;

/// <summary>Ready only when the policy engine can answer: without it every decision would be a denial.</summary>
public sealed class PolicyHealthCheck(IPolicyEngine engine) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await engine.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return health.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(health.Reason);
    }
}
