using System.Text.Json.Nodes;
using DataSpace.Policy.Tests.Support;

namespace DataSpace.Policy.Tests.Embedded;

public sealed class EmbeddedPolicyEngineTests
{
    private static readonly EmbeddedPolicyEngine Engine = EmbeddedPolicyEngine.Create(TestBundles.TransferBundle());

    [Fact]
    public void Create_BadRego_ProblemsWithFileLineAndColumn()
    {
        var bundle = PolicyBundle.FromFiles([TestBundles.File("bad/policy.rego", "package bad\n\nallow if {\n  input.x ==\n")]);

        var error = Assert.Throws<PolicyLoadException>(() => EmbeddedPolicyEngine.Create(bundle));

        var problem = error.Problems[0];
        Assert.Equal("bad/policy.rego", problem.File);
        Assert.True(problem.Line >= 3, problem.ToString());
        Assert.True(problem.Column > 0, problem.ToString());
        Assert.Equal("rego_parse_error", problem.Code);
    }

    [Fact]
    public void Evaluate_FalseAndUndefined_AreDistinct()
    {
        var falseDecision = Engine.Evaluate("dataspace/transfer/flag", new JsonObject { ["flag"] = false }, TestContext.Current.CancellationToken);
        var undefined = Engine.Evaluate("dataspace/transfer/flag", new JsonObject(), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Defined, falseDecision.Outcome);
        Assert.Equal("false", falseDecision.Result!.ToJsonString());
        Assert.Equal(PolicyOutcome.Undefined, undefined.Outcome);
        Assert.Null(undefined.Result);
        Assert.False(falseDecision.IsAllowed);
        Assert.False(undefined.IsAllowed);
    }

    [Fact]
    public void Evaluate_Decision_CarriesIdDigestAndTiming()
    {
        var first = Engine.Evaluate("dataspace.transfer.decision", Analyst(), TestContext.Current.CancellationToken);
        var second = Engine.Evaluate("dataspace.transfer.decision", Analyst(), TestContext.Current.CancellationToken);

        Assert.True(first.IsAllowed);
        Assert.Equal("dataspace/transfer/decision", first.Path);
        Assert.NotEqual(first.DecisionId, second.DecisionId);
        Assert.True(Guid.TryParse(first.DecisionId, out var id) && id.Version == 7);
        Assert.Equal(Engine.Bundle.Digest, first.BundleDigest);
        Assert.True(first.Duration > TimeSpan.Zero);
        Assert.Equal("embedded", first.Backend);
        Assert.Equal("delete_after", first.Obligations[0]["type"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_DefaultDeny_ReasonsFromThePolicy()
    {
        var decision = Engine.Evaluate("dataspace/transfer/decision", new JsonObject { ["action"] = "read" }, TestContext.Current.CancellationToken);

        Assert.False(decision.IsAllowed);
        Assert.Equal(["no grant matches"], decision.Reasons);
    }

    [Fact]
    public void Evaluate_ConflictError_DeniesWithTheError()
    {
        var decision = Engine.Evaluate("dataspace/transfer/conflict", new JsonObject { ["conflict"] = true }, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Error, decision.Outcome);
        Assert.Contains("eval_conflict_error", decision.Error);
        Assert.False(decision.IsAllowed);
    }

    [Fact]
    public void Evaluate_Timeout_DeniesAsError()
    {
        var bundle = PolicyBundle.FromFiles([TestBundles.File("slow.rego", "package slow\nallow if { count([x | some i in numbers.range(1, 5000); some j in numbers.range(1, 5000); x := i * j]) > 0 }")]);
        var engine = EmbeddedPolicyEngine.Create(bundle, new EmbeddedPolicyOptions { Timeout = TimeSpan.FromMilliseconds(50) });

        var decision = engine.Evaluate("slow/allow", null, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Error, decision.Outcome);
        Assert.False(decision.IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_ManyThreads_SameAnswers()
    {
        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(() => Engine.Evaluate("dataspace/transfer/decision", i % 2 == 0 ? Analyst() : new JsonObject(), TestContext.Current.CancellationToken).IsAllowed, TestContext.Current.CancellationToken));

        var results = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(0, 64).Select(i => i % 2 == 0), results);
    }

    [Fact]
    public void Evaluate_UnknownPath_Undefined()
    {
        Assert.Equal(PolicyOutcome.Undefined, Engine.Evaluate("dataspace/nothing/here", null, TestContext.Current.CancellationToken).Outcome);
    }

    private static JsonObject Analyst() => new() { ["subject"] = new JsonObject { ["role"] = "analyst" }, ["action"] = "read" };
}
