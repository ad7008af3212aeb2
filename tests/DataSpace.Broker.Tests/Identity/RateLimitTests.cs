using System.Net;
using System.Text.Json;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Broker.Tests.Identity;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Token_BeyondThePermitsOfTheWindow_Is429ProblemWithRetryAfter()
    {
        await using var host = await TokenServiceTestHost.StartAsync(o =>
        {
            o.RateLimitPermits = 2;
            o.RateLimitWindow = TimeSpan.FromMinutes(10);
        });
        using var signer = Ed25519Signer.Generate("88.608.8889");
        host.Participants.Register(signer);

        using var first = await host.PostTokenAsync(host.Assertion(signer));
        using var second = await host.PostTokenAsync(TokenServiceTestHost.Form("refused but counted"));
        using var third = await host.PostTokenAsync(host.Assertion(signer));

        await TokenResponses.AccessTokenAsync(first);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Retry-After", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_IsNotRateLimited()
    {
        await using var host = await TokenServiceTestHost.StartAsync(o => o.RateLimitPermits = 1);

        for (var i = 0; i < 5; i++)
        {
            using var response = await host.Client.GetAsync("/jwks", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
