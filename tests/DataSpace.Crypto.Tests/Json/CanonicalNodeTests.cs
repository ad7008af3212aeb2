using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Json;

/// <summary>
/// Node trees are canonicalised by walking them; these cases hold the walk to the bytes of the text
/// path (serialise the tree, canonicalise the text), which the RFC 8785 vectors check.
/// </summary>
public sealed class CanonicalNodeTests
{
    public static TheoryData<string> Documents => CanonicalJsonVectorTests.Documents;

    [Theory]
    [MemberData(nameof(Documents))]
    public void Serialize_ParsedConformanceDocument_MatchesExpectedBytes(string name)
    {
        var input = File.ReadAllBytes(RepositoryPaths.ConformanceFile("jcs", "input", name + ".json"));
        var expected = File.ReadAllBytes(RepositoryPaths.ConformanceFile("jcs", "output", name + ".json"));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(CanonicalJson.Serialize(JsonNode.Parse(input))));
    }

    [Fact]
    public void Serialize_BuiltTreeOfEveryValueType_SameBytesAsTheText()
    {
        var parsed = JsonNode.Parse("""{"n": 1e2, "s": "é\u0001", "o": {"b": [1.50, -0]}}""");
        var tree = new JsonObject
        {
            ["int"] = 42,
            ["long"] = long.MaxValue,
            ["double"] = 0.1,
            ["big"] = 1e21,
            ["decimal"] = 1.10m,
            ["float"] = 3.25f,
            ["negativeZero"] = -0.0,
            ["true"] = true,
            ["false"] = false,
            ["null"] = null,
            ["text"] = "line\n\"quoted\" \\ \u007f 日本 😀",
            ["time"] = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)),
            ["guid"] = Guid.Parse("0b1d6a4e-5a2f-4c39-9d0e-7f1a2b3c4d5e"),
            ["elementText"] = JsonValue.Create(JsonDocument.Parse("\"from an element\"").RootElement),
            ["elementNumber"] = JsonValue.Create(JsonDocument.Parse("2.50e1").RootElement),
            ["parsed"] = parsed,
            ["nested"] = new JsonArray(new JsonObject { ["b"] = 2, ["a"] = new JsonArray() }, new JsonArray(1, "2", null)),
            ["\u00e9"] = 1,
            ["\u0065\u0301"] = 2,
            [""] = "",
        };

        Assert.Equal(ThroughText(tree), Encoding.UTF8.GetString(CanonicalJson.Serialize(tree)));
    }

    [Fact]
    public void SerializeWithout_LeavesOutTheMemberAtTheTopOnly()
    {
        var document = JsonNode.Parse("""{"signatures": [1], "b": {"signatures": 2}, "a": 1}""")!.AsObject();

        Assert.Equal("""{"a":1,"b":{"signatures":2}}""", Encoding.UTF8.GetString(CanonicalJson.SerializeWithout(document, "signatures")));
        Assert.Equal(3, document.Count);
    }

    [Fact]
    public void Serialize_LoneSurrogateInAName_Refused()
    {
        var tree = new JsonObject { ["\ud800"] = 1 };

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(tree));
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    private static string ThroughText(JsonNode node) =>
        Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(node.ToJsonString())));
}
