using System.Text.Json.Nodes;

namespace DataSpace.Policy.Tests.Decisions;

public sealed class PolicyDecisionTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("""{"allow": true}""", true)]
    [InlineData("""{"allow": true, "reasons": []}""", true)]
    [InlineData("false", false)]
    [InlineData("null", false)]
    [InlineData("""{"allow": "true"}""", false)]
    [InlineData("""{"allow": 1}""", false)]
    [InlineData("""{"allowed": true}""", false)]
    [InlineData("[true]", false)]
    [InlineData("\"allow\"", false)]
    public void IsAllowed_DefinedResult_OnlyTrueOrAllowTrue(string json, bool expected)
    {
        Assert.Equal(expected, Decision(PolicyOutcome.Defined, JsonNode.Parse(json)).IsAllowed);
    }

    [Theory]
    [InlineData(PolicyOutcome.Undefined, "undefined")]
    [InlineData(PolicyOutcome.Error, "failed: boom")]
    public void IsAllowed_UndefinedOrError_DeniesWithReason(PolicyOutcome outcome, string reason)
    {
        var decision = Decision(outcome, JsonNode.Parse("true")) with { Error = outcome == PolicyOutcome.Error ? "boom" : null };

        Assert.False(decision.IsAllowed);
        Assert.Contains(reason, Assert.Single(decision.Reasons));
    }

    [Fact]
    public void Reasons_PolicyGaveReasons_ThoseAreUsed()
    {
        var decision = Decision(PolicyOutcome.Defined, JsonNode.Parse("""{"allow": false, "reasons": ["core data is never released", 7]}"""));

        Assert.Equal(["core data is never released"], decision.Reasons);
    }

    [Fact]
    public void Obligations_AllowWithDuties_Listed()
    {
        var decision = Decision(PolicyOutcome.Defined, JsonNode.Parse("""{"allow": true, "obligations": [{"type": "log"}, "junk"]}"""));

        Assert.Equal("log", Assert.Single(decision.Obligations)["type"]!.GetValue<string>());
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void ToRecord_Defined_HasTheDocumentedMembers()
    {
        var decision = Decision(PolicyOutcome.Defined, JsonNode.Parse("""{"allow": true}"""));

        var record = decision.ToRecord(new JsonObject { ["action"] = "read" });

        Assert.Equal(
            """{"decision_id":"0198","path":"a/b","backend":"embedded","bundle_digest":"sha256:00","timestamp":"2025-01-02T03:04:05.0000000Z","duration_ns":1500,"outcome":"defined","allowed":true,"result":{"allow":true},"input":{"action":"read"}}""",
            record.ToJsonString());
    }

    [Fact]
    public void ToRecordAdopting_SameRecordWithoutCopies_AndASecondRecordStillWhole()
    {
        var decision = Decision(PolicyOutcome.Defined, JsonNode.Parse("""{"allow": true, "obligations": [{"type": "log"}]}"""));
        var input = new JsonObject { ["action"] = "read" };
        var copied = decision.ToRecord(input).ToJsonString();

        var adopted = decision.ToRecordAdopting(input);
        var again = decision.ToRecordAdopting(input);

        Assert.Equal(copied, adopted.ToJsonString());
        Assert.Same(input, adopted["input"]);
        Assert.Same(decision.Result, adopted["result"]);
        // Already part of the first record, the input and result are copied into the second.
        Assert.Equal(copied, again.ToJsonString());
        Assert.NotSame(input, again["input"]);
        Assert.Equal("log", Assert.Single(decision.Obligations)["type"]!.GetValue<string>());
    }

    [Fact]
    public void ToRecord_Undefined_HasNoResultMember()
    {
        var record = Decision(PolicyOutcome.Undefined, null).ToRecord();

        Assert.False(record.ContainsKey("result"));
        Assert.Equal("undefined", record["outcome"]!.GetValue<string>());
    }

    private static PolicyDecision Decision(PolicyOutcome outcome, JsonNode? result) => new()
    {
        DecisionId = "0198",
        Path = "a/b",
        Outcome = outcome,
        Result = result,
        BundleDigest = "sha256:00",
        Backend = "embedded",
        Timestamp = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Duration = TimeSpan.FromTicks(15),
    };
}
