using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace DataSpace.Policy;

/// <summary>
/// Validates an asset's classification label against <c>docs/schemas/label.schema.json</c>
/// (JSON Schema draft 2020-12, with <c>format</c> asserted), as asset registration requires
/// (policies/README.md, "The label"). Returns every error, each naming the member by its JSON pointer;
/// never throws on a bad label. Thread-safe: the schema is compiled once per process.
/// </summary>
public static class LabelValidator
{
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        // Draft 2020-12 treats format as an annotation by default; a label's dates must be dates.
        RequireFormatValidation = true,
    };

    /// <summary>Validates a label given as a <see cref="JsonElement"/>.</summary>
    public static LabelValidation Validate(JsonElement label)
    {
        var results = LabelSchema.Schema.Evaluate(label, Options);
        if (results.IsValid)
        {
            return new LabelValidation([]);
        }
        var errors = new List<LabelError>();
        foreach (var node in results.Details ?? [])
        {
            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                errors.AddRange(LabelErrorText.Describe(node.InstanceLocation.ToString(), node.EvaluationPath.ToString(), keyword, message, label));
            }
        }
        return new LabelValidation(errors.Distinct().ToList());
    }

    /// <summary>Validates a label given as a <see cref="JsonNode"/>; null (JSON <c>null</c>) is not a label.</summary>
    public static LabelValidation Validate(JsonNode? label) =>
        Validate(label is null ? NullElement : JsonSerializer.SerializeToElement(label));

    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement;
}
