using System.Text.Json;
using DataSpace.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataSpace.Hosting.Tests.Health;

/// <summary><c>/healthz</c> answers while the process runs; <c>/readyz</c> runs the services' checks and names the failing one.</summary>
public sealed class HealthEndpointsTests
{
    private static Task<TestApp> StartAsync(bool ledgerUp) => TestApp.StartAsync(
        _ => { },
        builder => builder.Services.AddHealthChecks()
            .AddCheck("ledger", () => ledgerUp ? HealthCheckResult.Healthy("appending") : HealthCheckResult.Unhealthy("ledger store unreachable"))
            .AddCheck("policy", () => HealthCheckResult.Healthy("bundle loaded")));

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    [Fact]
    public async Task Healthz_WithAFailingCheck_Is200()
    {
        await using var app = await StartAsync(ledgerUp: false);

        var response = await app.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", (await BodyAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_AllHealthy_Is200ListingEachCheck()
    {
        await using var app = await StartAsync(ledgerUp: true);

        var response = await app.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["ledger", "policy"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Readyz_AFailingCheck_Is503NamingIt()
    {
        await using var app = await StartAsync(ledgerUp: false);

        var response = await app.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(503, (int)response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var ledger = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "ledger");
        Assert.Equal("Unhealthy", ledger.GetProperty("status").GetString());
        Assert.Equal("ledger store unreachable", ledger.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_AHungCheck_TimesOutAsUnhealthy()
    {
        await using var app = await TestApp.StartAsync(
            _ => { },
            builder => builder.Services.AddHealthChecks().AddAsyncCheck("peer", async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return HealthCheckResult.Healthy();
            }, timeout: TimeSpan.FromMilliseconds(200)));

        var response = await app.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(503, (int)response.StatusCode);
    }

    [Fact]
    public async Task Readyz_NoChecks_Is200()
    {
        await using var app = await TestApp.StartAsync(_ => { });

        var response = await app.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }
}
