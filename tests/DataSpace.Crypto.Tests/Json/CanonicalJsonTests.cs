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
    // Strings and names copied as parsed only when that is their canonical form: escapes are redone.
    [InlineData("[\"\\u0041\\/\", \"A/\", \"\\t\\u2028\"]", "[\"A/\",\"A/\",\"\\t\u2028\"]")]
    [InlineData("{\"\\u0062\":1,\"a\":2,\"c\\n\":3}", "{\"a\":2,\"b\":1,\"c\\n\":3}")]
    // UTF-16 order, not UTF-8: U+FB01 sorts after U+1F600's surrogates, "é" after "z".
    [InlineData("{\"\uFB01\":1,\"\U0001F600\":2,\"z\":3,\"é\":4}", "{\"z\":3,\"é\":4,\"\U0001F600\":2,\"\uFB01\":1}")]
    public void Canonicalize_ValidJson_ProducesCanonicalForm(string input, string expected) =>
        Assert.Equal(expected, Canon(input));

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", "Duplicate member")]
    [InlineData("{\"a\":1,\"\\u0061\":2}", "Duplicate member")]
    [InlineData("{\"\\udc00\":1}", "surrogate")]
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

    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xC3, (byte)'"' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    public void Canonicalize_InvalidUtf8_IsRefused(byte[] input) =>
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(input));

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
