using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Hosting.Problems;

/// <summary>Registers and places the problem+json handling (RFC 9457) of a DataSpace service.</summary>
internal static class ProblemsSetup
{
    public static IServiceCollection AddDataSpaceProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<DataSpaceExceptionHandler>();
        // Minimal APIs otherwise answer a bad parameter or body with a bare 400 (outside Development):
        // throwing lets the exception handler say what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Outermost: everything below, routing included, fails as problem+json.</summary>
    public static IApplicationBuilder UseDataSpaceProblems(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages(StatusCodeProblems.WriteAsync);
}
