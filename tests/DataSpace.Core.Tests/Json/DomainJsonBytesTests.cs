using System.Text;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Results;

namespace DataSpace.Core.Tests.Json;

/// <summary>Records read from UTF-8 text (a signed message's verified content) read as they do from a node.</summary>
public sealed class DomainJsonBytesTests
{
    [Fact]
    public void Read_FromBytes_SameRecordAsFromTheNode()
    {
        var answer = new NegotiationAnswer(NegotiationMessage.Finalize, "neg-1");
        var node = DomainJson.ToNode(answer);

        var fromBytes = DomainJson.Read<NegotiationAnswer>(Encoding.UTF8.GetBytes(node.ToJsonString()), "the answer");

        Assert.True(fromBytes.IsSuccess);
        Assert.Equal(DomainJson.Read<NegotiationAnswer>(node, "the answer").Value, fromBytes.Value);
    }

    [Theory]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("", "is not valid")]
    [InlineData("{\"message\":\"finalize\",\"negotiationId\":", "is not valid")]
    [InlineData("{\"message\":\"no-such-message\",\"negotiationId\":\"neg-1\"}", "is not valid")]
    public void Read_FromBadBytes_InvalidNamingWhat(string text, string problem)
    {
        var read = DomainJson.Read<NegotiationAnswer>(Encoding.UTF8.GetBytes(text), "the answer");

        Assert.False(read.IsSuccess);
        Assert.Equal(ErrorKind.Invalid, read.Error.Kind);
        Assert.StartsWith("the answer", read.Error.Message);
        Assert.Contains(problem, read.Error.Message);
    }

    [Theory]
    [InlineData("{\"message\":\"finalize\"}", "the answer is not valid: Required members are missing: 'negotiationId'.")]
    [InlineData("{\"message\":\"finalize\",\"negotiationId\":\"neg-1\",\"extra\":1}", "the answer is not valid: There is no member 'extra' here (at $.extra).")]
    [InlineData("{\"message\":\"finalize\",\"negotiationId\":null}", "the answer is not valid: This member must not be null (at $.negotiationId).")]
    [InlineData("{\"message\":\"finalize\",\"NegotiationId\":\"neg-1\"}", "the answer is not valid: There is no member 'NegotiationId' here (at $.NegotiationId).")]
    public void Read_OfTheWrongShape_SaysWhatIsWrong_WithoutDotNetTypeNames(string text, string expected)
    {
        var read = DomainJson.Read<NegotiationAnswer>(Encoding.UTF8.GetBytes(text), "the answer");

        Assert.False(read.IsSuccess);
        Assert.Equal(expected, read.Error!.Message);
    }
}
