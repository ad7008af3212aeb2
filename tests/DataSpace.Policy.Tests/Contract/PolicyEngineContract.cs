using System.Text.Json.Nodes;
using DataSpace.Policy.Tests.Support;

namespace DataSpace.Policy.Tests.Contract;

/// <summary>
/// What every <see cref="IPolicyEngine"/> must do, run against each backend: the same bundle must
/// give the same answers in-process and over OPA's REST API.
/// </summary>
public abstract class PolicyEngineContract : IAsyncLifetime
{
    private IPolicyEngine? _engine;

    protected IPolicyEngine Engine => _engine ?? throw new InvalidOperationException("not started");

    protected static PolicyBundle Bundle { get; } = TestBundles.TransferBundle();

    protected abstract Task<IPolicyEngine> StartAsync(PolicyBundle bundle);

    public async ValueTask InitializeAsync() => _engine = await StartAsync(Bundle);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task EvaluateAsync_GrantMatches_AllowedWithObligations()
    {
        var decision = await Ask("dataspace/transfer/decision", new JsonObject { ["subject"] = new JsonObject { ["role"] = "analyst" }, ["action"] = "read" });

        Assert.True(decision.IsAllowed);
        Assert.Equal("delete_after", decision.Obligations[0]["type"]!.GetValue<string>());
        Assert.Equal(Bundle.Digest, decision.BundleDigest);
    }

    [Fact]
    public async Task EvaluateAsync_NoGrant_DefaultDenyWithReasons()
    {
        var decision = await Ask("dataspace/transfer/decision", new JsonObject { ["action"] = "write" });

        Assert.Equal(PolicyOutcome.Defined, decision.Outcome);
        Assert.False(decision.IsAllowed);
        Assert.Equal(["no grant matches"], decision.Reasons);
    }

    [Fact]
    public async Task EvaluateAsync_FalseAndUndefined_Distinct()
    {
        var falseDecision = await Ask("dataspace/transfer/flag", new JsonObject { ["flag"] = false });
        var undefined = await Ask("dataspace/transfer/undefined_unless_admin", new JsonObject());

        Assert.Equal(PolicyOutcome.Defined, falseDecision.Outcome);
        Assert.Equal("false", falseDecision.Result!.ToJsonString());
        Assert.Equal(PolicyOutcome.Undefined, undefined.Outcome);
    }

    [Fact]
    public async Task EvaluateAsync_EvaluationError_DeniesWithTheCode()
    {
        var decision = await Ask("dataspace/transfer/conflict", new JsonObject { ["conflict"] = true });

        Assert.Equal(PolicyOutcome.Error, decision.Outcome);
        Assert.False(decision.IsAllowed);
        Assert.Contains("eval_conflict_error", decision.Error);
    }

    [Fact]
    public async Task EvaluateAsync_DottedAndSlashedPaths_SameAnswer()
    {
        var input = new JsonObject { ["flag"] = 42 };

        var slashed = await Ask("dataspace/transfer/flag", input);
        var dotted = await Ask("data.dataspace.transfer.flag", input);

        Assert.Equal("42", slashed.Result!.ToJsonString());
        Assert.Equal("42", dotted.Result!.ToJsonString());
    }

    [Fact]
    public async Task CheckHealthAsync_Running_Ready()
    {
        Assert.True((await Engine.CheckHealthAsync(TestContext.Current.CancellationToken)).IsReady);
    }

    private Task<PolicyDecision> Ask(string path, JsonNode input) => Engine.EvaluateAsync(path, input, TestContext.Current.CancellationToken);
}
