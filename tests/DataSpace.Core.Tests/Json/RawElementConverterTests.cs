using System.Text.Json;
using DataSpace.Core.Json;

namespace DataSpace.Core.Tests.Json;

public sealed class RawElementConverterTests
{
    private sealed record Carrier(JsonElement Value, JsonElement? Optional = null);

    [Fact]
    public void Write_ElementMember_IsItsParsedTextAsItIs()
    {
        // Escapes and member order as received: the value is the same, its text is not re-encoded.
        var text = """{"b":"\u00e9<&>","a":[1,2.50,{"x":null}]}""";
        var carrier = new Carrier(JsonElement.Parse(text), JsonElement.Parse("true"));

        var written = JsonSerializer.Serialize(carrier, DomainJson.Options);

        Assert.Equal("{\"value\":" + text + ",\"optional\":true}", written);
    }

    [Fact]
    public void Read_ElementMemberWithADuplicateName_Refused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Carrier>("""{"value":{"a":1,"a":2}}""", DomainJson.Options));

    [Fact]
    public void RoundTrip_ElementMember_SameValue()
    {
        var read = JsonSerializer.Deserialize<Carrier>("""{"value":{"a":[1,"x"]},"optional":{"b":{}}}""", DomainJson.Options)!;

        Assert.Equal("""{"value":{"a":[1,"x"]},"optional":{"b":{}}}""", JsonSerializer.Serialize(read, DomainJson.Options));
    }
}
