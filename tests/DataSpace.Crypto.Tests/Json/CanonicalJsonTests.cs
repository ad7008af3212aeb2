using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;

namespace DataSpace.Crypto.Tests.Json;

public sealed class CanonicalJsonTests
{
    private static string Canon(string json) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"b\":1,\"a\":2}", "{\"a\":2,\"b\":1}")]
    [InlineData(" [ 1 , 2.50 , -0 , 1e2 ] ", "[1,2.5,0,100]")]
    [InlineData("\"\\u001f\\u007f\"", "\"\\u001f\u007f\"")]
    [InlineData("{\"\":{}}", "{\"\":{}}")]
    public void Canonicalize_ValidJson_ProducesCanonicalForm(string input, string expected) =>
        Assert.Equal(expected, Canon(input));

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", "Duplicate member")]
    [InlineData("\"\\ud800\"", "surrogate")]
    [InlineData("1e400", "binary64")]
    [InlineData("[1,]", "Not valid JSON")]
    [InlineData("{} {}", "Not valid JSON")]
    [InlineData("// c\n{}", "Not valid JSON")]
    [InlineData("", "Not valid JSON")]
    public void Canonicalize_InvalidIJson_ThrowsWithReason(string input, string reason)
    {
        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(input)));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Serialize_JsonNode_EqualsCanonicalizedText()
    {
        var node = new JsonObject { ["z"] = 1.0, ["a"] = new JsonArray("x", null, true) };
        Assert.Equal("{\"a\":[\"x\",null,true],\"z\":1}", Encoding.UTF8.GetString(CanonicalJson.Serialize(node)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Format_NonFinite_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Es6NumberFormatter.Format(value));
}
