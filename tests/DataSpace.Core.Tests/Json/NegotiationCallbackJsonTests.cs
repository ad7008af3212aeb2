using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Results;

namespace DataSpace.Core.Tests.Json;

/// <summary>The broker's decision in a callback is read as an element, as strictly as an object member.</summary>
public sealed class NegotiationCallbackJsonTests
{
    private static JsonObject Callback(JsonNode? brokerDecision) => new()
    {
        ["message"] = "Terminate",
        ["negotiationId"] = "n-1",
        ["sentAt"] = "2026-11-28T01:00:00Z",
        ["brokerDecision"] = brokerDecision,
    };

    [Fact]
    public void Read_DecisionObject_KeptAsWritten()
    {
        var read = DomainJson.Read<NegotiationCallback>(Callback(JsonNode.Parse("""{"allowed":false,"result":{"reasons":["R3"]}}""")), "the callback");

        Assert.True(read.IsSuccess);
        Assert.Equal(NegotiationMessage.Terminate, read.Value.Message);
        Assert.Equal("""{"allowed":false,"result":{"reasons":["R3"]}}""", read.Value.BrokerDecision!.Value.GetRawText());
    }

    [Fact]
    public void Read_NoDecision_Null() =>
        Assert.Null(DomainJson.Read<NegotiationCallback>(Callback(null), "the callback").Value.BrokerDecision);

    [Theory]
    [InlineData("\"allowed\"")]
    [InlineData("[{\"allowed\":true}]")]
    [InlineData("true")]
    public void Read_DecisionNotAnObject_InvalidNamingTheMember(string decision)
    {
        var read = DomainJson.Read<NegotiationCallback>(Callback(JsonNode.Parse(decision)), "the callback");

        Assert.False(read.IsSuccess);
        Assert.Equal(ErrorKind.Invalid, read.Error.Kind);
        Assert.Contains("brokerDecision", read.Error.Message);
    }

    [Fact]
    public void Write_DecisionElement_AsAnObject()
    {
        var callback = new NegotiationCallback(NegotiationMessage.Terminate, "n-1", DateTimeOffset.UnixEpoch, BrokerDecision: JsonElement.Parse("""{"allowed":true}"""));

        Assert.Equal("""{"allowed":true}""", DomainJson.ToNode(callback)["brokerDecision"]!.ToJsonString());
    }
}
