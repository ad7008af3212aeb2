using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataSpace.Testing;

namespace DataSpace.Policy.Tests.Pack;

/// <summary>
/// The label schema (docs/schemas/label.schema.json) and the example labels (policies/examples/*/label.json).
/// No JSON Schema validator is referenced by the solution, so the examples are checked with <see cref="MiniSchema"/>,
/// which implements exactly the draft 2020-12 keywords the schema uses; a test fails if the schema starts using any other.
/// </summary>
public sealed class LabelSchemaTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "schemas", "label.schema.json");

    private static JsonObject Schema => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    public static TheoryData<string> Examples() =>
        new(Directory.EnumerateFiles(Path.Combine(PolicyPack.Directory, "examples"), "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(PolicyPack.Directory, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Fact]
    public void Schema_IsDraft202012_WithTheLabelFields()
    {
        var schema = Schema;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        var properties = schema["properties"]!.AsObject();
        foreach (var key in new[] { "category", "domain", "sector", "personalInfo", "crossBorder", "retention", "tradeSecret", "derivedFrom", "reviewBy" })
        {
            Assert.True(properties.ContainsKey(key), $"schema lacks {key}");
        }
        Assert.Equal(["general", "important", "core"], properties["category"]!["enum"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(
            ["contains", "sensitive", "subjectCount", "sensitiveSubjectCount"],
            properties["personalInfo"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Schema_UsesOnlyKeywordsTheCheckerImplements()
    {
        var unknown = MiniSchema.UnknownKeywords(Schema).ToList();

        Assert.True(unknown.Count == 0, $"keywords MiniSchema does not check: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Examples_Exist()
    {
        Assert.True(Examples().Count >= 2);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ValidatesAgainstTheSchema(string example)
    {
        var label = JsonNode.Parse(File.ReadAllText(Path.Combine(PolicyPack.Directory, example)));

        var errors = MiniSchema.Validate(Schema, label);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void BadLabels_AreRejected()
    {
        var good = JsonNode.Parse(File.ReadAllText(Path.Combine(PolicyPack.Directory, "examples", "important-production-line", "label.json")))!.AsObject();

        Assert.Empty(MiniSchema.Validate(Schema, good));
        Assert.Contains(MiniSchema.Validate(Schema, With(good, "category", "secret")), e => e.Contains("/category", StringComparison.Ordinal));
        Assert.Contains(MiniSchema.Validate(Schema, With(good, "sector", "manufacturing")), e => e.Contains("/sector", StringComparison.Ordinal));
        Assert.Contains(MiniSchema.Validate(Schema, With(good, "reviewBy", "next year")), e => e.Contains("/reviewBy", StringComparison.Ordinal));
        Assert.Contains(MiniSchema.Validate(Schema, With(good, "colour", "red")), e => e.Contains("colour", StringComparison.Ordinal));
        var noReview = (JsonObject)good.DeepClone();
        noReview.Remove("reviewBy");
        Assert.Contains(MiniSchema.Validate(Schema, noReview), e => e.Contains("reviewBy", StringComparison.Ordinal));
    }

    [Fact]
    public void Examples_AreLabelsThePackAccepts()
    {
        foreach (var example in Examples())
        {
            var label = JsonNode.Parse(File.ReadAllText(Path.Combine(PolicyPack.Directory, example)));
            var input = new JsonObject
            {
                ["resource"] = new JsonObject { ["label"] = label },
                ["context"] = new JsonObject { ["time"] = "2026-12-01T00:00:00Z" },
            };
            var result = PolicyPack.Engine.Evaluate("dataspace/classification/label_denials", input, TestContext.Current.CancellationToken);
            Assert.True(result.Result is JsonArray { Count: 0 }, $"{example}: {result.Result?.ToJsonString()}");
        }
    }

    private static JsonObject With(JsonObject label, string key, string value)
    {
        var copy = (JsonObject)label.DeepClone();
        copy[key] = value;
        return copy;
    }
}

/// <summary>A JSON Schema checker for the subset of draft 2020-12 the label schema uses.</summary>
internal static class MiniSchema
{
    private static readonly HashSet<string> Keywords =
    [
        "$schema", "$id", "title", "description", "type", "required", "additionalProperties", "properties",
        "enum", "pattern", "items", "minimum", "minLength", "minItems", "format",
    ];

    public static IEnumerable<string> UnknownKeywords(JsonObject schema, string at = "#")
    {
        foreach (var (key, value) in schema)
        {
            if (!Keywords.Contains(key))
            {
                yield return $"{at}/{key}";
            }
        }
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, sub) in properties)
            {
                foreach (var k in UnknownKeywords(sub!.AsObject(), $"{at}/properties/{name}"))
                {
                    yield return k;
                }
            }
        }
        if (schema["items"] is JsonObject items)
        {
            foreach (var k in UnknownKeywords(items, $"{at}/items"))
            {
                yield return k;
            }
        }
    }

    public static List<string> Validate(JsonObject schema, JsonNode? value)
    {
        var errors = new List<string>();
        Check(schema, value, "", errors);
        return errors;
    }

    private static void Check(JsonObject schema, JsonNode? value, string at, List<string> errors)
    {
        if (schema["type"]?.GetValue<string>() is { } type && !HasType(value, type))
        {
            errors.Add($"{at}: not a {type}");
            return;
        }
        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{at}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        }
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern))
            {
                errors.Add($"{at}: \"{text}\" does not match {pattern}");
            }
            if (schema["minLength"]?.GetValue<int>() is { } minLength && text.Length < minLength)
            {
                errors.Add($"{at}: shorter than {minLength}");
            }
            if (schema["format"]?.GetValue<string>() == "date-time"
                && !(Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
                     && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                errors.Add($"{at}: \"{text}\" is not an RFC 3339 date-time");
            }
        }
        if (value is JsonValue n && n.TryGetValue<double>(out var number) && schema["minimum"]?.GetValue<double>() is { } minimum && number < minimum)
        {
            errors.Add($"{at}: below {minimum}");
        }
        if (value is JsonObject obj)
        {
            foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (!obj.ContainsKey(name))
                {
                    errors.Add($"{at}: missing required {name}");
                }
            }
            var properties = schema["properties"]?.AsObject();
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is JsonObject sub)
                {
                    Check(sub, child, $"{at}/{name}", errors);
                }
                else if (schema["additionalProperties"] is JsonValue extra && !extra.GetValue<bool>())
                {
                    errors.Add($"{at}: property {name} is not allowed");
                }
            }
        }
        if (value is JsonArray array)
        {
            if (schema["minItems"]?.GetValue<int>() is { } minItems && array.Count < minItems)
            {
                errors.Add($"{at}: fewer than {minItems} items");
            }
            if (schema["items"] is JsonObject items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Check(items, array[i], $"{at}/{i}", errors);
                }
            }
        }
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "boolean" => value is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "integer" => value is JsonValue i && i.GetValueKind() == System.Text.Json.JsonValueKind.Number && i.GetValue<decimal>() % 1 == 0,
        "number" => value is JsonValue d && d.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        "null" => value is null,
        _ => throw new NotSupportedException($"type {type}"),
    };
}
