using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataSpace.Hosting.Health;

/// <summary>
/// Registers health checking. Services add their own checks with
/// <c>builder.Services.AddHealthChecks().AddCheck&lt;LedgerHealthCheck&gt;("ledger")</c>.
/// </summary>
internal static class HealthSetup
{
    /// <summary>A check that has not answered by then counts as unhealthy: a hung dependency is a down one.</summary>
    public static readonly TimeSpan DefaultCheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddDataSpaceHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                if (registration.Timeout == Timeout.InfiniteTimeSpan)
                {
                    registration.Timeout = DefaultCheckTimeout;
                }
            }
        });
        return services;
    }
}
