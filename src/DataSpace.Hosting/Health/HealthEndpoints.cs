using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataSpace.Hosting.Health;

/// <summary>
/// <c>/healthz</c>: liveness, 200 while the process can answer at all (runs no check, so a down
/// dependency never gets the process restarted). <c>/readyz</c>: readiness, runs every registered
/// check and answers 503 when any is unhealthy, so no traffic reaches a service that would fail closed.
/// </summary>
internal static class HealthEndpoints
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";

    public static IEndpointRouteBuilder MapDataSpaceHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Liveness, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        endpoints.MapHealthChecks(Readiness, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        return endpoints;
    }
}
