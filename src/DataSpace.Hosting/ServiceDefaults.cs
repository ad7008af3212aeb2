using System.Reflection;
using DataSpace.Hosting.Documentation;
using DataSpace.Hosting.Health;
using DataSpace.Hosting.Limits;
using DataSpace.Hosting.Problems;
using DataSpace.Hosting.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Hosting;

/// <summary>
/// What the broker and every connector share, in three calls:
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddDataSpaceServiceDefaults("Broker");
/// // … the service's own registrations, health checks, authentication …
/// var app = builder.Build();
/// app.UseDataSpaceServiceDefaults();
/// app.MapDataSpaceDefaultEndpoints();
/// // … app.MapNegotiation(); …
/// </code>
/// </summary>
public static class ServiceDefaults
{
    /// <summary>
    /// Registers problem+json errors (RFC 9457), request limits, health checks, OpenTelemetry and
    /// logging, and the OpenAPI document, for the service named <paramref name="serviceName"/>
    /// (<c>Broker</c>, <c>Connector</c>: traces and metrics as <c>DataSpace.&lt;serviceName&gt;</c>,
    /// document title <c>DataSpace &lt;serviceName&gt; API</c>).
    /// </summary>
    public static WebApplicationBuilder AddDataSpaceServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        // Requests and responses carry domain records: the same JSON conventions as the ledger.
        builder.Services.ConfigureHttpJsonOptions(json => DataSpace.Core.Json.DomainJson.Apply(json.SerializerOptions));
        builder.Services.AddDataSpaceProblems();
        builder.Services.AddDataSpaceLimits(builder.Configuration);
        builder.Services.AddDataSpaceHealth();
        builder.AddDataSpaceTelemetry(serviceName);
        builder.Services.AddDataSpaceDocumentation($"DataSpace {serviceName} API", VersionOf(Assembly.GetEntryAssembly()));
        return builder;
    }

    /// <summary>
    /// Puts the shared middleware in its order:
    /// 1. problems — outermost, so any failure below, routing and authentication included, is problem+json;
    /// 2. routing — explicitly here, so that step 1 wraps it and the steps below know the endpoint;
    /// 3. the body limit — the endpoint's own or the default, before anything reads the body;
    /// 4. authentication and authorization, when the service registered them;
    /// 5. rate limiting — after authentication, so limits count per caller, not per address.
    /// </summary>
    public static WebApplication UseDataSpaceServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registered = app.Services.GetRequiredService<IServiceProviderIsService>();
        // Step 1
        app.UseDataSpaceProblems();
        // Step 2
        app.UseRouting();
        // Step 3
        app.UseDataSpaceBodyLimit();
        // Step 4: calling these here also stops WebApplication from adding them ahead of step 1.
        if (registered.IsService(typeof(IAuthenticationSchemeProvider)))
        {
            app.UseAuthentication();
        }
        if (registered.IsService(typeof(IAuthorizationPolicyProvider)))
        {
            app.UseAuthorization();
        }
        // Step 5
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Maps <c>/healthz</c> (liveness), <c>/readyz</c> (readiness: every registered check),
    /// <c>/openapi/v1.json</c> and the reference page <c>/scalar</c>; all anonymous and not rate-limited.
    /// </summary>
    public static WebApplication MapDataSpaceDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDataSpaceHealth();
        app.MapDataSpaceDocumentation();
        return app;
    }

    /// <summary>The service's informational version without the source revision suffix (<c>1.2.0+abc123</c> → <c>1.2.0</c>).</summary>
    private static string VersionOf(Assembly? assembly)
    {
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString(3)
            ?? "1.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
