using DataSpace.Hosting.Limits;
using DataSpace.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace DataSpace.Hosting.Tests.Limits;

/// <summary>The named per-caller rate limit: over it, 429 problem+json with Retry-After.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task PerCaller_OverThePermits_Is429ProblemWithRetryAfter()
    {
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/limited", () => "ok").RequirePerCallerRateLimit();
                a.MapGet("/free", () => "ok");
            },
            settings: new Dictionary<string, string?>
            {
                ["Hosting:Limits:RateLimitPermits"] = "2",
                ["Hosting:Limits:RateLimitWindow"] = "00:01:00",
            });
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(200, (int)(await app.Client.GetAsync("/limited", ct)).StatusCode);
        Assert.Equal(200, (int)(await app.Client.GetAsync("/limited", ct)).StatusCode);
        var rejected = await app.Client.GetAsync("/limited", ct);
        var free = await app.Client.GetAsync("/free", ct);

        await ProblemAssert.IsProblemAsync(rejected, 429);
        Assert.NotNull(rejected.Headers.RetryAfter);
        Assert.Equal(200, (int)free.StatusCode);
    }
}
