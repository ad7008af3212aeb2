using System.Text.Json.Nodes;

namespace DataSpace.Rego.Tests.Values;

public sealed class RegoJsonTests
{
    [Fact]
    public void FromJsonNode_StringsMadeOrParsed_AreTheStringsThemselves()
    {
        var made = RegoValue.FromJsonNode(JsonValue.Create("a\"b\\é"));
        var parsed = RegoValue.FromJsonNode(JsonNode.Parse("""{"x": "a\"b\\é"}""")!["x"]);

        Assert.Equal(new RegoString("a\"b\\é"), made);
        Assert.Equal(new RegoString("a\"b\\é"), parsed);
    }

    [Fact]
    public void FromJsonNode_OtherValuesOfStringKind_AreTheirJsonStrings()
    {
        var time = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var id = Guid.Parse("0b1d6a4e-5a2f-4c39-9d0e-7f1a2b3c4d5e");
        var input = new JsonObject { ["at"] = time, ["id"] = id };

        var value = (RegoObject)RegoValue.FromJsonNode(input);

        Assert.Equal(new RegoString("2030-01-02T03:04:05+00:00"), value["at"]);
        Assert.Equal(new RegoString("0b1d6a4e-5a2f-4c39-9d0e-7f1a2b3c4d5e"), value["id"]);
    }
}
