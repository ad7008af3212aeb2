using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Json;

/// <summary>
/// Text that already is canonical is returned as it is, after one reading pass. That pass must
/// never take non-canonical text for canonical: these cases hold it to the writer, whose output the
/// RFC 8785 vectors check, and to the node walk, a separate implementation.
/// </summary>
public sealed class CanonicalCheckTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Whether the text is exactly the canonical form of its value, as the writer decides; false for invalid I-JSON.</summary>
    private static bool IsCanonical(byte[] text)
    {
        try
        {
            return CanonicalJson.Canonicalize(text).AsSpan().SequenceEqual(text);
        }
        catch (CanonicalJsonException)
        {
            return false;
        }
    }

    public static TheoryData<string> Documents => CanonicalJsonVectorTests.Documents;

    [Theory]
    [MemberData(nameof(Documents))]
    public void IsCanonical_ConformanceDocuments_OnlyTheExpectedOutput(string name)
    {
        var input = File.ReadAllBytes(RepositoryPaths.ConformanceFile("jcs", "input", name + ".json"));
        var expected = File.ReadAllBytes(RepositoryPaths.ConformanceFile("jcs", "output", name + ".json"));

        Assert.True(IsCanonical(expected));
        Assert.Equal(input.AsSpan().SequenceEqual(expected), IsCanonical(input));
        Assert.False(CanonicalJson.IsPlainlyCanonical(input) && !input.AsSpan().SequenceEqual(expected));
    }

    [Theory]
    [InlineData("""{"a":1,"b":[true,false,null,"x",{}],"c":{"d":[]}}""")]
    [InlineData("""{"":0,"A":1,"_":2,"a":3}""")]
    [InlineData("""["é中文🙂","a+b<c>&'"]""")]
    [InlineData("""[0,-5,123456789012345,0.5,-1.25,1e+21,100000000000000000000,5e-324,1e-7]""")]
    [InlineData("\"\u007f\"")]
    [InlineData("null")]
    public void IsPlainlyCanonical_CanonicalTextWithoutEscapes_IsRecognised(string json)
    {
        Assert.True(CanonicalJson.IsPlainlyCanonical(Utf8(json)));
        Assert.Equal(json, Encoding.UTF8.GetString(CanonicalJson.Serialize(JsonNode.Parse(json))));
        Assert.Equal(json, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Utf8(json))));
    }

    [Theory]
    [InlineData("""{"b":1,"a":2}""")]
    [InlineData("""{"a":1,"a":1}""")]
    [InlineData("""{"a":{"b":1,"c":2},"b":{"d":1,"c":2}}""")]
    [InlineData("""{"a": 1}""")]
    [InlineData(""" {}""")]
    [InlineData("""{} """)]
    [InlineData("{}\n")]
    [InlineData("[1,\t2]")]
    [InlineData("[1.0]")]
    [InlineData("[1e2]")]
    [InlineData("[-0]")]
    [InlineData("[1E+21]")]
    [InlineData("[0.10]")]
    [InlineData("[123456789012345678]")]
    [InlineData("[1e400]")]
    [InlineData("[1,]")]
    [InlineData("{} {}")]
    [InlineData("/* c */{}")]
    [InlineData("")]
    public void IsPlainlyCanonical_OtherText_IsNot(string json)
    {
        Assert.False(CanonicalJson.IsPlainlyCanonical(Utf8(json)));
        Assert.False(IsCanonical(Utf8(json)));
    }

    [Theory]
    [InlineData("[\"a\\nb\"]")]
    [InlineData("[\"\\\"\\\\\\u001f\"]")]
    [InlineData("""{"z":2,"é":1}""")]
    public void IsCanonical_CanonicalEscapesAndNonAsciiNames_LeftToTheWriter(string json)
    {
        Assert.False(CanonicalJson.IsPlainlyCanonical(Utf8(json)));
        Assert.True(IsCanonical(Utf8(json)));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xC3, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' })]
    public void IsPlainlyCanonical_InvalidUtf8OrMark_IsNot(byte[] text) =>
        Assert.False(CanonicalJson.IsPlainlyCanonical(text));

    [Fact]
    public void IsPlainlyCanonical_DeepNesting_LeftToTheWriter()
    {
        var deep = new string('[', 100) + new string(']', 100);
        Assert.False(CanonicalJson.IsPlainlyCanonical(Utf8(deep)));
        Assert.True(IsCanonical(Utf8(deep)));
    }

    [Fact]
    public void Canonicalize_RandomDocuments_FastPathAgreesWithTheNodeWalk()
    {
        var random = new Random(8785);
        for (var i = 0; i < 2000; i++)
        {
            var node = RandomValue(random, depth: 0);
            // Half as System.Text.Json escapes by default, half with only the escapes JSON requires.
            var compact = Utf8(node?.ToJsonString(i % 2 == 0 ? Relaxed : null) ?? "null");
            var walked = CanonicalJson.Serialize(node);

            Assert.True(IsCanonical(walked));
            Assert.Equal(Encoding.UTF8.GetString(walked), Encoding.UTF8.GetString(CanonicalJson.Canonicalize(compact)));
            Assert.Equal(compact.AsSpan().SequenceEqual(walked), IsCanonical(compact));
            if (CanonicalJson.IsPlainlyCanonical(compact))
            {
                Assert.Equal(walked, compact);
            }
        }
    }

    [Theory]
    [InlineData("""{"signatures":[{"k":1}],"a":1,"b":2}""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1,"signatures":[],"b":2}""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1,"b":2,"signatures":{}}""", """{"a":1,"b":2}""")]
    [InlineData("""{"signatures":null}""", """{}""")]
    [InlineData("""{"a":1}""", """{"a":1}""")]
    [InlineData("""{"signatures" : [] , "b":2,"a":1}""", """{"a":1,"b":2}""")]
    [InlineData("""{"b":2, "signatures":[]}""", """{"b":2}""")]
    [InlineData("""{"signatures":[],"b":2.0}""", """{"b":2}""")]
    public void SerializeWithout_AnyLayout_CanonicalContentWithoutTheMember(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.SerializeWithout(document.RootElement, "signatures")));
    }

    [Fact]
    public void SerializeWithout_MemberTwice_Refused()
    {
        using var document = JsonDocument.Parse("""{"signatures":[],"a":1,"signatures":[]}""");
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.SerializeWithout(document.RootElement, "signatures"));
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode? RandomValue(Random random, int depth)
    {
        switch (random.Next(depth > 3 ? 5 : 7))
        {
            case 0: return null;
            case 1: return random.Next(2) == 0;
            case 2: return RandomNumber(random);
            case 3 or 4: return RandomText(random);
            case 5:
                var array = new JsonArray();
                for (var n = random.Next(4); n > 0; n--)
                {
                    array.Add(RandomValue(random, depth + 1));
                }
                return array;
            default:
                var obj = new JsonObject();
                for (var n = random.Next(5); n > 0; n--)
                {
                    obj[RandomText(random)] = RandomValue(random, depth + 1);
                }
                return obj;
        }
    }

    private static JsonNode RandomNumber(Random random) => random.Next(9) switch
    {
        0 or 6 or 7 or 8 => random.Next(-1000, 1000),
        1 => random.NextInt64(),
        2 => random.NextDouble() * Math.Pow(10, random.Next(-30, 30)),
        3 => JsonNode.Parse(random.Next(100) + ".0" + random.Next(10))!,
        4 => JsonNode.Parse(random.Next(1, 100) + "e" + random.Next(-25, 25))!,
        _ => -0.0,
    };

    private static string RandomText(Random random)
    {
        // Mostly plain text, as in most documents; now and then what needs escaping or sorts by UTF-16.
        const string plain = "abcAB_-09 +<&'";
        const string special = "é中🙂\n\"\\\u0001\u007f";
        var builder = new StringBuilder();
        for (var n = random.Next(4); n > 0; n--)
        {
            var alphabet = random.Next(8) == 0 ? special : plain;
            // Surrogate pairs stay whole: a text element at a time.
            var at = random.Next(alphabet.Length);
            builder.Append(char.IsSurrogate(alphabet[at]) ? alphabet.Substring(char.IsHighSurrogate(alphabet[at]) ? at : at - 1, 2) : alphabet[at]);
        }
        return builder.ToString();
    }
}
