using System.Net;
using System.Text.Json.Nodes;
using DataSpace.Policy.Tests.Support;

namespace DataSpace.Policy.Tests.Opa;

/// <summary>Every way OPA can fail must come back as a deny with a reason, never an allow or an exception.</summary>
public sealed class OpaPolicyEngineFailureTests
{
    private static readonly Uri Base = new("http://opa.test:8181/");

    [Fact]
    public async Task EvaluateAsync_ServerTimesOut_DeniesAfterRetries()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

        var decision = await Evaluate(handler);

        AssertDenied(decision, "did not answer in time");
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task EvaluateAsync_Server500_DeniesWithOpaMessage()
    {
        var handler = new FakeHandler((_, _) => Task.FromResult(FakeHandler.Text(HttpStatusCode.InternalServerError, """{"code": "internal_error", "message": "boom"}""")));

        var decision = await Evaluate(handler);

        AssertDenied(decision, "500: internal_error: boom");
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task EvaluateAsync_TransientThenOk_RetriedAndAllowed()
    {
        var handler = new FakeHandler((attempt, _) => Task.FromResult(attempt == 1
            ? FakeHandler.Text(HttpStatusCode.ServiceUnavailable, "{}")
            : FakeHandler.Text(HttpStatusCode.OK, """{"result": {"allow": true}}""")));

        var decision = await Evaluate(handler);

        Assert.True(decision.IsAllowed);
        Assert.Equal(2, handler.Attempts);
    }

    [Theory]
    [InlineData("""{"result": {"allow": tru""", "not valid JSON")]
    [InlineData("<html>proxy error</html>", "not valid JSON")]
    [InlineData("""[{"allow": true}]""", "not a JSON object")]
    public async Task EvaluateAsync_MalformedResponse_Denies(string body, string reason)
    {
        var handler = new FakeHandler((_, _) => Task.FromResult(FakeHandler.Text(HttpStatusCode.OK, body)));

        AssertDenied(await Evaluate(handler), reason);
    }

    [Fact]
    public async Task EvaluateAsync_NoResultMember_UndefinedNotFalse()
    {
        var handler = new FakeHandler((_, _) => Task.FromResult(FakeHandler.Text(HttpStatusCode.OK, "{}")));

        var decision = await Evaluate(handler);

        Assert.Equal(PolicyOutcome.Undefined, decision.Outcome);
        Assert.False(decision.IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_ConnectionRefused_Denies()
    {
        var (engine, services) = OpaEngines.Create(new Uri($"http://127.0.0.1:{FakeHandler.ClosedPort()}/"));
        await using var _ = services;

        var decision = await engine.EvaluateAsync("authz/allow", new JsonObject(), TestContext.Current.CancellationToken);

        AssertDenied(decision, "unreachable");
    }

    [Fact]
    public async Task CheckHealthAsync_ConnectionRefused_UnavailableWithReason()
    {
        var (engine, services) = OpaEngines.Create(new Uri($"http://127.0.0.1:{FakeHandler.ClosedPort()}/"));
        await using var _ = services;

        var health = await engine.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.False(health.IsReady);
        Assert.Contains("unreachable", health.Reason);
    }

    [Fact]
    public async Task EvaluateAsync_CallerCancels_Throws()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var (engine, services) = OpaEngines.Create(Base, handler);
        await using var _ = services;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.EvaluateAsync("authz/allow", null, cancel.Token));
    }

    private static async Task<PolicyDecision> Evaluate(FakeHandler handler)
    {
        var (engine, services) = OpaEngines.Create(Base, handler);
        await using var _ = services;
        return await engine.EvaluateAsync("authz/allow", new JsonObject { ["user"] = "alice" }, TestContext.Current.CancellationToken);
    }

    private static void AssertDenied(PolicyDecision decision, string reason)
    {
        Assert.Equal(PolicyOutcome.Error, decision.Outcome);
        Assert.False(decision.IsAllowed);
        Assert.Contains(reason, decision.Error);
        Assert.Equal("opa", decision.Backend);
    }
}
