using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Policies;

namespace DataSpace.Core.Tests.Policies;

public sealed class DecisionRecordsTests
{
    [Theory]
    [InlineData("""{"allowed": true}""", true)]
    [InlineData("""{"allowed": false}""", false)]
    [InlineData("""{"allowed": "true"}""", false)]
    [InlineData("""{"result": {"allow": true}}""", false)]
    [InlineData("""[{"allowed": true}]""", false)]
    public void Allowed_OnlyATrueBoolean_ForElementsAndNodesAlike(string record, bool allowed)
    {
        Assert.Equal(allowed, DecisionRecords.Allowed(JsonElement.Parse(record)));
        if (JsonNode.Parse(record) is JsonObject node)
        {
            Assert.Equal(allowed, DecisionRecords.Allowed(node));
        }
    }

    [Fact]
    public void Reasons_TheStringsOfTheResultsReasons()
    {
        var record = JsonElement.Parse("""{"allowed": false, "result": {"allow": false, "reasons": ["grade core is never released", 7, "R3: purpose"]}}""");

        Assert.Equal(["grade core is never released", "R3: purpose"], DecisionRecords.Reasons(record));
    }

    [Theory]
    [InlineData("""{"allowed": false}""")]
    [InlineData("""{"allowed": false, "result": {"allow": false}}""")]
    [InlineData("""{"allowed": false, "result": {"reasons": "not a list"}}""")]
    [InlineData("""{"allowed": false, "result": ["no object"]}""")]
    [InlineData("""null""")]
    public void Reasons_NoneWhenTheRecordGivesNone(string record) => Assert.Empty(DecisionRecords.Reasons(JsonElement.Parse(record)));
}
