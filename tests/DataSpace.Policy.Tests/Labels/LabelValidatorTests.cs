using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Policy.Tests.Pack;

namespace DataSpace.Policy.Tests.Labels;

/// <summary>
/// <see cref="LabelValidator"/> against the label schema. The examples are found the way
/// <see cref="LabelSchemaTests"/> finds them (its <c>Examples</c> member), so both suites see the same files.
/// </summary>
public sealed class LabelValidatorTests
{
    private static JsonObject Good() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(PolicyPack.Directory, "examples", "important-production-line", "label.json")))!.AsObject();

    [Theory]
    [MemberData(nameof(LabelSchemaTests.Examples), MemberType = typeof(LabelSchemaTests))]
    public void Validate_Example_IsValid(string example)
    {
        var label = JsonNode.Parse(File.ReadAllText(Path.Combine(PolicyPack.Directory, example)));

        var result = LabelValidator.Validate(label);

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [MemberData(nameof(LabelSchemaTests.Examples), MemberType = typeof(LabelSchemaTests))]
    public void Validate_ExampleAsJsonElement_IsValid(string example)
    {
        using var label = JsonDocument.Parse(File.ReadAllText(Path.Combine(PolicyPack.Directory, example)));

        Assert.True(LabelValidator.Validate(label.RootElement).IsValid);
    }

    [Fact]
    public void Validate_MissingCategory_NamesTheMember()
    {
        var label = Good();
        label.Remove("category");

        var error = Assert.Single(LabelValidator.Validate(label).Errors);

        Assert.Equal(new LabelError("/category", "is required"), error);
    }

    [Fact]
    public void Validate_WrongCategory_ListsTheGrades()
    {
        var label = Good();
        label["category"] = "secret";

        var error = Assert.Single(LabelValidator.Validate(label).Errors);

        Assert.Equal("/category: must be one of general, important, core", error.ToString());
    }

    [Theory]
    [InlineData("/tradeSecret", "\"yes\"", "must be a boolean, not a string")]
    [InlineData("/personalInfo/subjectCount", "\"many\"", "must be an integer, not a string")]
    [InlineData("/personalInfo/subjectCount", "1.5", "must be an integer, not a number")]
    [InlineData("/derivedFrom", "{}", "must be an array, not an object")]
    [InlineData("/crossBorder", "null", "must be an object, not null")]
    [InlineData("/category", "1", "must be a string, not an integer")]
    public void Validate_WrongType_NamesTheMemberAndTheType(string pointer, string json, string message)
    {
        var label = Set(Good(), pointer, JsonNode.Parse(json));

        var errors = LabelValidator.Validate(label).Errors;

        Assert.Contains(new LabelError(pointer, message), errors);
    }

    [Fact]
    public void Validate_UnknownMember_IsRejected()
    {
        var label = Good();
        label["colour"] = "red";
        label["personalInfo"]!["nickname"] = true;

        var errors = LabelValidator.Validate(label).Errors;

        Assert.Equal(
            [new LabelError("/colour", "is not a member the schema allows here"), new LabelError("/personalInfo/nickname", "is not a member the schema allows here")],
            errors.OrderBy(e => e.Pointer, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/reviewBy", "next year")]
    [InlineData("/reviewBy", "2027-06-30")]
    [InlineData("/reviewBy", "2027-06-30 00:00:00")]
    [InlineData("/reviewBy", "2027-13-01T00:00:00Z")]
    [InlineData("/retention/until", "31.12.2031")]
    [InlineData("/crossBorder/approvals/0/expires", "2027-03-01T25:00:00Z")]
    public void Validate_BadDateTime_NamesTheMember(string pointer, string text)
    {
        var label = Set(Good(), pointer, text);

        var error = Assert.Single(LabelValidator.Validate(label).Errors);

        Assert.Equal(pointer, error.Pointer);
        Assert.Contains("RFC 3339 date-time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sector", "\"manufacturing\"", "must match the pattern ^[A-T]([0-9]{2}([0-9]{1,2})?)?$")]
    [InlineData("/personalInfo/subjectCount", "-1", "must be at least 0")]
    [InlineData("/crossBorder/approvals/0/destinations", "[]", "must have at least one item")]
    [InlineData("/crossBorder/approvals/0/destinations/0", "\"Germany\"", "must match the pattern ^[A-Z]{2}$")]
    [InlineData("/crossBorder/approvals/0/reference", "\"\"", "must not be empty")]
    [InlineData("/crossBorder/status", "\"exported\"", "must be one of domestic-only, approved, pending")]
    public void Validate_NestedRuleBroken_NamesTheMemberAndTheRule(string pointer, string json, string message)
    {
        var label = Set(Good(), pointer, JsonNode.Parse(json));

        var error = Assert.Single(LabelValidator.Validate(label).Errors);

        Assert.Equal(new LabelError(pointer, message), error);
    }

    [Fact]
    public void Validate_MissingMemberOfAnArrayItem_PointsIntoTheItem()
    {
        var label = Good();
        label["crossBorder"]!["approvals"]![0]!.AsObject().Remove("expires");
        label["derivedFrom"] = new JsonArray(new JsonObject { ["asset"] = "x" });

        var errors = LabelValidator.Validate(label).Errors;

        Assert.Contains(new LabelError("/crossBorder/approvals/0/expires", "is required"), errors);
        Assert.Contains(new LabelError("/derivedFrom/0/category", "is required"), errors);
    }

    [Fact]
    public void Validate_SeveralFaults_ReportsEveryOne()
    {
        var label = Good();
        label.Remove("domain");
        label.Remove("reviewBy");
        label["category"] = "secret";
        label["tradeSecret"] = "no";

        var pointers = LabelValidator.Validate(label).Errors.Select(e => e.Pointer).Order(StringComparer.Ordinal);

        Assert.Equal(["/category", "/domain", "/reviewBy", "/tradeSecret"], pointers);
    }

    [Theory]
    [InlineData("null", "must be an object, not null")]
    [InlineData("[]", "must be an object, not an array")]
    [InlineData("\"general\"", "must be an object, not a string")]
    public void Validate_NotAnObject_IsOneErrorAtTheRoot(string json, string message)
    {
        var result = LabelValidator.Validate(JsonNode.Parse(json));

        Assert.Equal([new LabelError("", message)], result.Errors);
        Assert.Equal($"(label): {message}", result.ToString());
    }

    [Fact]
    public void Validate_MemberNameNeedingEscapes_IsAValidPointer()
    {
        var label = Good();
        label["a/b~c"] = 1;

        var error = Assert.Single(LabelValidator.Validate(label).Errors);

        Assert.Equal("/a~1b~0c", error.Pointer);
    }

    /// <summary>A copy of <paramref name="label"/> with the member at <paramref name="pointer"/> set to <paramref name="value"/>.</summary>
    private static JsonObject Set(JsonObject label, string pointer, JsonNode? value)
    {
        var parts = pointer[1..].Split('/');
        JsonNode parent = label;
        foreach (var part in parts[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : parent[part]!;
        }
        if (parent is JsonArray items)
        {
            items[int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[parts[^1]] = value;
        }
        return label;
    }
}
