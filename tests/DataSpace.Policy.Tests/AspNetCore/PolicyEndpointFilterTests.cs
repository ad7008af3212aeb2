using System.Net;
using System.Text.Json.Nodes;
using DataSpace.Policy.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataSpace.Policy.Tests.AspNetCore;

public sealed class PolicyEndpointFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequirePolicy_Allowed_EndpointRunsWithTheDecision()
    {
        await using var app = await StartAsync(services => services.AddSingleton<IPolicyEngine>(EmbeddedPolicyEngine.Create(TestBundles.TransferBundle())));

        using var response = await app.GetTestClient().GetAsync("/assets/1?role=analyst", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("obligations: 1", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task RequirePolicy_Denied_403ProblemWithReasons()
    {
        await using var app = await StartAsync(services => services.AddSingleton<IPolicyEngine>(EmbeddedPolicyEngine.Create(TestBundles.TransferBundle())));

        using var response = await app.GetTestClient().GetAsync("/assets/1?role=guest", Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no grant matches", problem["reasons"]![0]!.GetValue<string>());
        Assert.Equal("dataspace/transfer/decision", problem["policy"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(problem["decisionId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RequirePolicy_EngineUnreachable_503Problem()
    {
        await using var app = await StartAsync(services => services.AddOpaPolicyEngine(o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{FakeHandler.ClosedPort()}/");
            o.MaxRetries = 0;
        }));

        using var response = await app.GetTestClient().GetAsync("/assets/1?role=analyst", Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("unreachable", problem["reasons"]![0]!.GetValue<string>());
    }

    private static async Task<WebApplication> StartAsync(Action<IServiceCollection> addEngine)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        addEngine(builder.Services);
        var app = builder.Build();
        app.MapGet("/assets/{id}", (HttpContext http) => $"obligations: {http.GetPolicyDecision()!.Obligations.Count}")
            .RequirePolicy("dataspace/transfer/decision", http => ValueTask.FromResult<JsonNode?>(new JsonObject
            {
                ["subject"] = new JsonObject { ["role"] = http.Request.Query["role"].ToString() },
                ["action"] = "read",
            }));
        await app.StartAsync(Ct);
        return app;
    }
}
