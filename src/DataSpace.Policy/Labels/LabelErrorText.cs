using System.Globalization;
using System.Text.Json;

namespace DataSpace.Policy;

/// <summary>
/// Turns one failed schema keyword into errors people can act on. The validator's own messages
/// ("Value should match one of the values specified by the enum") do not say which values, and
/// report a missing member at its parent; these name the member and the rule it breaks.
/// </summary>
internal static class LabelErrorText
{
    /// <param name="pointer">Where the keyword failed (the instance location).</param>
    /// <param name="evaluationPath">The schema path that was evaluated, e.g. <c>/additionalProperties</c>.</param>
    /// <param name="keyword">The failed keyword; empty for a <c>false</c> schema.</param>
    /// <param name="fallback">The validator's message, used for keywords the label schema does not use today.</param>
    /// <param name="label">The label being validated.</param>
    public static IEnumerable<LabelError> Describe(string pointer, string evaluationPath, string keyword, string fallback, JsonElement label)
    {
        var schema = LabelSchema.At(pointer);
        var value = schema?.TryGetProperty(keyword, out var v) == true ? v : default;
        if (keyword.Length > 0 && value.ValueKind == JsonValueKind.Undefined)
        {
            // The walk found no such keyword (a schema shape this class does not know): keep the validator's words.
            yield return new(pointer, fallback);
            yield break;
        }
        switch (keyword)
        {
            case "required":
                // Reported at the parent by the validator; one error per missing member, at the member.
                var present = JsonPointerText.Resolve(label, pointer);
                foreach (var name in value.EnumerateArray().Select(n => n.GetString()!))
                {
                    if (present is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out _))
                    {
                        yield return new(JsonPointerText.Append(pointer, name), "is required");
                    }
                }
                yield break;
            case "enum":
                yield return new(pointer, $"must be one of {string.Join(", ", value.EnumerateArray().Select(o => o.ValueKind == JsonValueKind.String ? o.GetString() : o.GetRawText()))}");
                yield break;
            case "type":
                yield return new(pointer, $"must be {Article(value.GetString()!)}, not {Article(KindOf(JsonPointerText.Resolve(label, pointer)))}");
                yield break;
            case "format":
                yield return new(pointer, value.GetString() == "date-time"
                    ? "must be an RFC 3339 date-time with a time zone, e.g. 2027-06-30T00:00:00Z"
                    : $"must be a valid {value.GetString()}");
                yield break;
            case "pattern":
                yield return new(pointer, $"must match the pattern {value.GetString()}");
                yield break;
            case "minimum":
                yield return new(pointer, $"must be at least {value.GetRawText()}");
                yield break;
            case "minLength":
                yield return new(pointer, value.GetInt32() == 1 ? "must not be empty" : $"must be at least {value.GetInt32()} characters long");
                yield break;
            case "minItems":
                yield return new(pointer, value.GetInt32() == 1 ? "must have at least one item" : $"must have at least {value.GetInt32()} items");
                yield break;
            case "" when evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal):
                yield return new(pointer, "is not a member the schema allows here");
                yield break;
            default:
                yield return new(pointer, fallback);
                yield break;
        }
    }

    private static string KindOf(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.Value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => "an " + type,
        "null" => "null",
        _ => string.Create(CultureInfo.InvariantCulture, $"a {type}"),
    };
}
