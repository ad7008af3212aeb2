using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataSpace.Hosting.Telemetry;
using DataSpace.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DataSpace.Hosting.Tests.Telemetry;

/// <summary>
/// OpenTelemetry sees ASP.NET Core requests and every <c>DataSpace.*</c> source and meter when it is
/// turned on (here by <c>Telemetry:Enabled</c>, for in-memory exporters), and collects nothing when no exporter is configured.
/// Alone in its collection: activity listeners are process-wide, so spans of hosts in parallel tests would show up here.
/// </summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTests
{
    private static readonly ActivitySource Source = DataSpaceTelemetry.CreateActivitySource("Tests.Telemetry");

    [Fact]
    public async Task Request_IsTracedAndMeasured_AlongWithDataSpaceSourcesAndMeters()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/offers/{id}", (string id, IMeterFactory meters) =>
            {
                using var span = Source.StartActivity("LoadOffer");
                meters.CreateDataSpaceMeter("Tests.Telemetry").CreateCounter<long>("dataspace.tests.offers_loaded").Add(1);
                return id;
            }),
            builder =>
            {
                builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
            },
            settings: Enabled);

        var response = await app.Client.GetAsync("/offers/o-1", TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        await WaitForAsync(() => spans.Any(s => s.Kind == ActivityKind.Server), app);
        app.App.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var server = spans.Single(s => s.Kind == ActivityKind.Server);
        Assert.Equal("/offers/{id}", server.GetTagItem("http.route"));
        Assert.Contains(spans, s => s.Source.Name == "DataSpace.Tests.Telemetry" && s.ParentSpanId == server.SpanId);
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
        Assert.Contains(metrics, m => m.Name == "dataspace.tests.offers_loaded" && m.MeterName == "DataSpace.Tests.Telemetry");
    }

    [Fact]
    public async Task HealthProbes_AreNotTraced()
    {
        var spans = new List<Activity>();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/ping", () => "pong"),
            builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)),
            settings: Enabled);

        await app.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        await app.Client.GetAsync("/ping", TestContext.Current.CancellationToken);
        await WaitForAsync(() => spans.Any(s => s.Kind == ActivityKind.Server), app);

        Assert.Equal(["/ping"], spans.Where(s => s.Kind == ActivityKind.Server).Select(s => s.GetTagItem("url.path")));
    }

    [Fact]
    public async Task NothingIsCollected_WithoutAnExporter()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/ping", () => "pong"));

        Assert.Null(app.App.Services.GetService<TracerProvider>());
        Assert.Null(app.App.Services.GetService<MeterProvider>());
        Assert.False(Source.HasListeners(), "a DataSpace source is listened to with no exporter");
    }

    [Theory]
    [InlineData("http://127.0.0.1:4317", null, true)]
    [InlineData("http://127.0.0.1:4317", "false", false)]
    [InlineData(null, "true", true)]
    [InlineData(null, null, false)]
    public async Task Collection_FollowsTheExporterEndpoint_UnlessSetExplicitly(string? endpoint, string? enabled, bool collected)
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/ping", () => "pong"),
            settings: new Dictionary<string, string?> { [TelemetrySetup.OtlpEndpointVariable] = endpoint, [TelemetrySetup.EnabledSetting] = enabled });

        Assert.Equal(collected, app.App.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(collected, app.App.Services.GetService<MeterProvider>() is not null);
    }

    [Theory]
    [InlineData("Broker", "DataSpace.Broker")]
    [InlineData("Connector.Transfers", "DataSpace.Connector.Transfers")]
    [InlineData("DataSpace.Broker", "DataSpace.Broker")]
    public void NameOf_PrefixesOnce(string service, string expected)
    {
        Assert.Equal(expected, DataSpaceTelemetry.NameOf(service));
    }

    private static Dictionary<string, string?> Enabled => new() { [TelemetrySetup.EnabledSetting] = "true" };

    /// <summary>The server span ends just after the response is written, so the client may see the response first.</summary>
    private static async Task WaitForAsync(Func<bool> condition, TestApp app)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            app.App.Services.GetRequiredService<TracerProvider>().ForceFlush();
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.True(condition(), "no server span was exported");
    }
}
