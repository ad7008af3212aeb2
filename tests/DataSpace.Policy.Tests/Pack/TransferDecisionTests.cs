using System.Text.Json.Nodes;

namespace DataSpace.Policy.Tests.Pack;

/// <summary>The transfer decision point end to end: the pack as a bundle, through <see cref="EmbeddedPolicyEngine.EvaluateAsync"/>.</summary>
public sealed class TransferDecisionTests
{
    private const string Path = "dataspace/transfer/decision";

    private static JsonObject Input(string category = "important", string time = "2026-12-01T00:00:00Z", string purpose = "quality-analysis",
        string destination = "CN", string delivery = "copy", int securityProfile = 3, JsonArray? derivedFrom = null) => new()
    {
        ["action"] = "transfer",
        ["subject"] = new JsonObject
        {
            ["id"] = "acme-analytics", ["country"] = "CN", ["kind"] = "enterprise",
            ["securityProfile"] = securityProfile, ["securityAgreement"] = true,
        },
        ["resource"] = new JsonObject
        {
            ["label"] = new JsonObject
            {
                ["category"] = category, ["domain"] = "production", ["sector"] = "C36", ["reviewBy"] = "2027-06-30T00:00:00Z",
                ["personalInfo"] = new JsonObject { ["contains"] = false },
                ["crossBorder"] = new JsonObject { ["status"] = "domestic-only", ["approvals"] = new JsonArray() },
                ["tradeSecret"] = false,
                ["derivedFrom"] = derivedFrom ?? [],
            },
        },
        ["context"] = new JsonObject
        {
            ["time"] = time, ["purpose"] = purpose, ["destination"] = destination, ["delivery"] = delivery, ["usesSoFar"] = 0,
            ["agreement"] = new JsonObject
            {
                ["state"] = "FINALIZED", ["purposes"] = new JsonArray("quality-analysis"),
                ["validFrom"] = "2026-11-01T00:00:00Z", ["validUntil"] = "2027-01-01T00:00:00Z",
                ["deleteBy"] = "2027-02-01T00:00:00Z", ["notifyProvider"] = true,
            },
        },
    };

    private static Task<PolicyDecision> Decide(JsonObject input) =>
        PolicyPack.Engine.EvaluateAsync(Path, input, TestContext.Current.CancellationToken);

    [Fact]
    public async Task DomesticImportantTransfer_AllowedWithObligations()
    {
        var decision = await Decide(Input());

        Assert.True(decision.IsAllowed, string.Join('\n', decision.Reasons));
        Assert.Empty(decision.Reasons);
        Assert.Equal(
            ["delete_after", "encrypt", "log_usage", "notify_provider"],
            decision.Obligations.Select(o => o["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("2027-02-01T00:00:00Z", decision.Obligations.Single(o => o["type"]!.GetValue<string>() == "delete_after")["deadline"]!.GetValue<string>());
        Assert.Equal(PolicyPack.Engine.Bundle.Digest, decision.BundleDigest);
    }

    [Fact]
    public async Task CoreRawCopy_DeniedNamingTheRuleAndTheAlternative()
    {
        var decision = await Decide(Input(category: "core", securityProfile: 4));

        Assert.False(decision.IsAllowed);
        var reason = Assert.Single(decision.Reasons);
        Assert.StartsWith("R3 core", reason);
        Assert.Contains("computation at the provider", reason);
        Assert.Contains("DSL Art. 21", reason);
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public async Task CoreComputation_Allowed()
    {
        var decision = await Decide(Input(category: "core", securityProfile: 4, delivery: "compute"));

        Assert.True(decision.IsAllowed, string.Join('\n', decision.Reasons));
    }

    [Fact]
    public async Task DerivedFromCore_InheritsTheGrade()
    {
        var decision = await Decide(Input(category: "general", securityProfile: 4,
            derivedFrom: [new JsonObject { ["asset"] = "recipe-db", ["category"] = "core" }]));

        Assert.False(decision.IsAllowed);
        Assert.Contains(decision.Reasons, r => r.StartsWith("R3 core", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExactlyAtExpiry_DeniedForTime()
    {
        var decision = await Decide(Input(time: "2027-01-01T00:00:00Z"));

        Assert.False(decision.IsAllowed);
        Assert.Contains(decision.Reasons, r => r.StartsWith("R8 time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportantDataAbroadWithoutAssessment_Denied()
    {
        var decision = await Decide(Input(destination: "DE"));

        Assert.False(decision.IsAllowed);
        Assert.Contains(decision.Reasons, r => r.StartsWith("R4 export", StringComparison.Ordinal) && r.Contains("DSL Art. 31", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeveralViolations_AllReported()
    {
        var decision = await Decide(Input(purpose: "marketing", securityProfile: 1));

        Assert.False(decision.IsAllowed);
        Assert.Contains(decision.Reasons, r => r.StartsWith("R7 purpose", StringComparison.Ordinal));
        Assert.Contains(decision.Reasons, r => r.StartsWith("R4 important data: recipient security profile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyInput_DefaultDeny()
    {
        var decision = await Decide(new JsonObject());

        Assert.False(decision.IsAllowed);
        Assert.NotEmpty(decision.Reasons);
        Assert.All(decision.Reasons, r => Assert.Matches(@"^R\d+ ", r));
    }
}
