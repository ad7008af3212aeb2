using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Labels;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Core.Tests.Space;

namespace DataSpace.Core.Tests.Json;

/// <summary>An agreement keeps its label and decisions as read, and reads them as strictly as a typed member.</summary>
public sealed class AgreementJsonTests
{
    [Fact]
    public void Read_WrittenAgreement_SameLabelAndDecisions()
    {
        var written = SpaceScenario.AgreementOf(category: "important");

        var read = DomainJson.Read<Agreement>(DomainJson.ToNode(written), "the agreement");

        Assert.True(read.IsSuccess);
        Assert.Equal(written.Label.GetRawText(), read.Value.Label.GetRawText());
        Assert.Equal("important", LabelGrade.Effective(read.Value.Label));
        Assert.Equal(2, read.Value.Decisions.Count);
        Assert.All(read.Value.Decisions, d => Assert.True(DecisionRecords.Allowed(d)));
    }

    [Theory]
    [InlineData("\"core\"")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Read_LabelNotAnObject_InvalidNamingTheLabel(string label)
    {
        var node = DomainJson.ToNode(SpaceScenario.AgreementOf());
        node["label"] = JsonNode.Parse(label);

        var read = DomainJson.Read<Agreement>(node, "the agreement");

        Assert.False(read.IsSuccess);
        Assert.Equal(ErrorKind.Invalid, read.Error.Kind);
        Assert.Contains("label", read.Error.Message);
    }

    [Fact]
    public void Read_LabelWithADuplicateMember_Invalid()
    {
        // One label must mean one thing: {"category":"general","category":"core"} is refused, as in a node tree.
        var text = DomainJson.ToNode(SpaceScenario.AgreementOf()).ToJsonString()
            .Replace("\"category\":\"general\"", "\"category\":\"general\",\"category\":\"core\"", StringComparison.Ordinal);

        var read = DomainJson.Read<Agreement>(System.Text.Encoding.UTF8.GetBytes(text), "the agreement");

        Assert.False(read.IsSuccess);
        Assert.Equal(ErrorKind.Invalid, read.Error.Kind);
    }

    [Fact]
    public void Label_ReadAgain_NoSharedNodes()
    {
        // Policy inputs are built from the agreement's label many times, on any thread: each gets its own nodes.
        var agreement = SpaceScenario.AgreementOf();
        var subject = new JsonObject { ["id"] = SpaceScenario.Consumer };

        var first = PolicyInputs.Transfer(subject, agreement, 0, SpaceScenario.During);
        first["resource"]!["label"]!["category"] = "core";
        var second = PolicyInputs.Transfer(subject, agreement, 0, SpaceScenario.During);

        Assert.Equal("general", (string?)second["resource"]!["label"]!["category"]);
        Assert.Equal("general", LabelGrade.Effective(agreement.Label));
    }
}
