using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using DataSpace.Hosting.Health;

namespace DataSpace.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, every <c>DataSpace.*</c> source and meter)
/// and console logging. When <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, traces, metrics and logs go
/// there over OTLP, configured by the standard <c>OTEL_*</c> variables; <c>Telemetry:Enabled</c>
/// turns collection on or off explicitly (on for a host that adds its own exporter in code).
/// </summary>
/// <remarks>
/// With no exporter nothing is collected at all: spans and measurements that go nowhere cost the
/// broker and the provider about a sixth of their CPU per negotiation, and with no listener
/// ASP.NET Core and HttpClient skip recording them.
/// </remarks>
internal static class TelemetrySetup
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string EnabledSetting = "Telemetry:Enabled";

    public static WebApplicationBuilder AddDataSpaceTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // Simple one-line console logs by default; Logging__Console__FormatterName=json switches to
        // structured JSON (scopes, hence trace ids, included) for log collectors.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        var exported = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (!builder.Configuration.GetValue(EnabledSetting, defaultValue: exported))
        {
            return builder;
        }
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(DataSpaceTelemetry.NameOf(serviceName)))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context))
                .AddHttpClientInstrumentation()
                .AddSource(DataSpaceTelemetry.Prefix + "*"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(DataSpaceTelemetry.Prefix + "*"));

        if (exported)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
            otel.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Probes poll every few seconds; their spans would drown the requests that matter.</summary>
    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(HealthEndpoints.Liveness) || context.Request.Path.StartsWithSegments(HealthEndpoints.Readiness);
}
