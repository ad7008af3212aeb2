using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;

namespace DataSpace.Crypto.Tests.Json;

public sealed class CanonicalValueTests
{
    private static readonly CanonicalValue Decision =
        CanonicalValue.Of(JsonNode.Parse("""{"result": {"reasons": ["é"], "allow": true}, "allowed": true, "n": 1.50}"""));

    [Fact]
    public void Of_Node_KeepsTheCanonicalBytesAndTheSameElement()
    {
        const string canonical = """{"allowed":true,"n":1.5,"result":{"allow":true,"reasons":["é"]}}""";

        Assert.Equal(canonical, Encoding.UTF8.GetString(Decision.Bytes.Span));
        Assert.Equal(canonical, Decision.Element.GetRawText());
    }

    [Theory]
    [InlineData("""{"allowed":true,"n":1.5,"result":{"allow":true,"reasons":["é"]}}""")]
    [InlineData("""{ "result": {"reasons": ["\u00e9"], "allow": true}, "n": 15e-1, "allowed": true }""")]
    public void SameAs_TheSameValueAsCanonicalOrOtherText_IsTrue(string text) =>
        Assert.True(Decision.SameAs(JsonElement.Parse(text)));

    [Theory]
    [InlineData("""{"allowed":false,"n":1.5,"result":{"allow":true,"reasons":["é"]}}""")]
    [InlineData("""{"allowed":true,"n":1.5,"result":{"allow":true,"reasons":["é"]},"extra":null}""")]
    [InlineData("""{"allowed":true,"n":1e400,"result":{"allow":true,"reasons":["é"]}}""")]
    [InlineData("""[{"allowed":true}]""")]
    public void SameAs_AnotherValueOrNoCanonicalForm_IsFalse(string text) =>
        Assert.False(Decision.SameAs(JsonElement.Parse(text)));

    [Fact]
    public void SameAs_AnUndefinedElement_IsFalse() => Assert.False(Decision.SameAs(default));

    [Fact]
    public void Of_ValueWithoutCanonicalForm_Throws() =>
        Assert.Throws<CanonicalJsonException>(() => CanonicalValue.Of(JsonNode.Parse("""{"n": 1e400}""")));
}
